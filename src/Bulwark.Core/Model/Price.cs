namespace Bulwark.Core.Model;

/// <summary>A non-negative price in the instrument's quote currency.</summary>
public readonly record struct Price : IComparable<Price>
{
    public decimal Value { get; }

    public Price(decimal value)
    {
        if (value < 0m) throw new ArgumentOutOfRangeException(nameof(value), value, "A price cannot be negative.");
        Value = value;
    }

    public static Price Zero => default;
    public static Price Of(decimal value) => new(value);
    public int CompareTo(Price other) => Value.CompareTo(other.Value);
    public static bool operator <(Price a, Price b) => a.Value < b.Value;
    public static bool operator >(Price a, Price b) => a.Value > b.Value;
    public static bool operator <=(Price a, Price b) => a.Value <= b.Value;
    public static bool operator >=(Price a, Price b) => a.Value >= b.Value;

    /// <summary>Rounds to the nearest multiple of <paramref name="tick"/> (half away from zero).</summary>
    public Price RoundToTick(decimal tick) =>
        tick <= 0m ? this : new Price(Math.Round(Value / tick, MidpointRounding.AwayFromZero) * tick);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
