using Bulwark.Core.Statistics;

namespace Bulwark.Core.Strategies;

/// <summary>Per-symbol state of <see cref="HmmRegimeStrategy"/>.</summary>
internal sealed class HmmRegimeSymbolState(RegimeDetector detector)
{
    public RegimeDetector Detector { get; } = detector;
    public RegimeMode Mode { get; set; } = RegimeMode.Starting;
    public int BarsSinceEvaluation { get; set; }

    /// <summary>Whether the window held enough returns at the last evaluation (before that, evaluation runs on every bar).</summary>
    public bool HadEnough { get; set; }

    /// <summary>The action last carried out under the model (null after switching to it: the regime's action is re-asserted).</summary>
    public RegimeAction? LastAction { get; set; }

    public HmmRegimeValidation? Validation { get; set; }
}
