namespace Bulwark.Core.Calendar;

/// <summary>One session's bounds as UTC ticks: the layout queries search, 32 bytes.</summary>
internal readonly record struct SessionRow(long ExtendedOpen, long Open, long Close, long ExtendedClose)
{
    public bool IsValid => ExtendedOpen <= Open && Open < Close && Close <= ExtendedClose;
}
