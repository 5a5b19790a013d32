using Bulwark.Venues.Paper;

namespace Bulwark.Venues.Tests.Paper.Property;

public sealed record Scenario(PaperVenueOptions Options, IReadOnlyList<ScenarioStep> Steps)
{
    public override string ToString() =>
        $"{Options}{Environment.NewLine}{string.Join(Environment.NewLine, Steps)}";
}
