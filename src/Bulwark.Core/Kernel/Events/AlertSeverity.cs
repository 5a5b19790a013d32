namespace Bulwark.Core.Kernel.Events;

public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
