namespace Bulwark.Core.Model;

/// <summary>An amount of one currency. Arithmetic across currencies is an invariant violation.</summary>
public readonly record struct Money
{
    /// <summary>The currency of an account or an instrument nobody gave one.</summary>
    public const string DefaultCurrency = "USD";

    public decimal Amount { get; }
    public string Currency { get; }

    public Money(decimal amount, string currency)
    {
        if (string.IsNullOrWhiteSpace(currency) || currency.Length is < 3 or > 5)
            throw new ArgumentException($"Currency code '{currency}' is not a 3-5 letter code.", nameof(currency));
        Amount = amount;
        Currency = currency;
    }

    public static Money Zero(string currency) => new(0m, currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, SameCurrency(a, b));
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, SameCurrency(a, b));
    public static Money operator -(Money a) => new(-a.Amount, a.Currency);
    public static Money operator *(Money a, decimal k) => new(a.Amount * k, a.Currency);

    private static string SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency
            ? a.Currency
            : throw new InvalidOperationException($"Cannot combine {a.Currency} with {b.Currency}.");

    public override string ToString() =>
        $"{Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Currency}";
}
