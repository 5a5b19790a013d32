namespace Bulwark.Core.Model;

/// <summary>A signed quantity of an instrument (positive long, negative short).</summary>
public readonly record struct Quantity : IComparable<Quantity>
{
    public decimal Value { get; }

    public Quantity(decimal value) => Value = value;

    public static Quantity Zero => default;
    public static Quantity Of(decimal value) => new(value);
    public bool IsZero => Value == 0m;
    public Quantity Abs() => new(Math.Abs(Value));
    public int Sign => Math.Sign(Value);
    public int CompareTo(Quantity other) => Value.CompareTo(other.Value);

    /// <summary>Rounds the magnitude down to a whole number of lots, keeping the sign.</summary>
    public Quantity RoundDownToLot(decimal lot)
    {
        if (lot <= 0m) throw new ArgumentOutOfRangeException(nameof(lot), lot, "Lot size must be positive.");
        if (lot == 1m) return new Quantity(decimal.Truncate(Value)); // the usual lot: no division
        var lots = decimal.Truncate(Math.Abs(Value) / lot);
        return new Quantity(Math.Sign(Value) * lots * lot);
    }

    public static Quantity operator +(Quantity a, Quantity b) => new(a.Value + b.Value);
    public static Quantity operator -(Quantity a, Quantity b) => new(a.Value - b.Value);
    public static Quantity operator -(Quantity a) => new(-a.Value);
    public static bool operator <(Quantity a, Quantity b) => a.Value < b.Value;
    public static bool operator >(Quantity a, Quantity b) => a.Value > b.Value;
    public static bool operator <=(Quantity a, Quantity b) => a.Value <= b.Value;
    public static bool operator >=(Quantity a, Quantity b) => a.Value >= b.Value;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
