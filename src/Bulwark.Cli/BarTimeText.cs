using System.Globalization;

namespace Bulwark.Cli;

/// <summary>A bar or order time as the command-line output shows it: the date alone at midnight UTC (daily bars), else the UTC date and minute.</summary>
internal static class BarTimeText
{
    public static string Of(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.ToString(utc.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}
