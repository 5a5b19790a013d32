namespace Bulwark.Venues.Tests.Paper.Property;

public enum StepKind
{
    Submit,
    Bar,
    Cancel,
    Restart,
}
