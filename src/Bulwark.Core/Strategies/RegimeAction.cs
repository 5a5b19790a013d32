namespace Bulwark.Core.Strategies;

/// <summary>What <see cref="HmmRegimeStrategy"/> does with the position in a regime.</summary>
public enum RegimeAction
{
    /// <summary>Leave the position as it is.</summary>
    Keep,
    /// <summary>Be long (<see cref="HmmRegimeOptions.Quantity"/>, or as sized).</summary>
    Long,
    /// <summary>Be short (<see cref="HmmRegimeOptions.Quantity"/>, or as sized).</summary>
    Short,
    /// <summary>Be flat.</summary>
    Flat,
}
