using System.Globalization;

namespace Bulwark.Core.Model;

/// <summary>
/// A price as traders read it: at least two places, and as many more (up to eight) as the price has, so a currency
/// pair's 1.10427 or a coin's 0.00001234 is not shown as 1.10 or 0.00 while a stock's 3643.35 stays as written.
/// </summary>
public static class PriceText
{
    /// <summary>The format: two places always, up to six more when the price has them.</summary>
    public const string Format = "0.00######";

    public static string Of(decimal price) => price.ToString(Format, CultureInfo.InvariantCulture);
}
