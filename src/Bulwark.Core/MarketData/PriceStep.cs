using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>
/// The finest price step bar data is written in: 0.00001 for a currency pair quoted to five places, 0.01 for prices in
/// cents. A research run that knows no instrument's tick uses it, so fills are never rounded coarser than the data (an
/// FX pair at a cent's tick would fill every order at 1.10).
/// </summary>
public static class PriceStep
{
    /// <summary>The finest step looked for: prices with more places are taken at eight (a satoshi).</summary>
    public const int MaxPlaces = 8;

    /// <summary>
    /// 10^-n for the most decimal places n (at most <see cref="MaxPlaces"/>) any open, high, low or close of
    /// <paramref name="bars"/> needs, trailing zeros aside ("100.50" needs one); 1 for whole numbers.
    /// </summary>
    public static decimal Of(IEnumerable<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var places = 0;
        foreach (var bar in bars)
        {
            places = Places(bar.Open, places);
            places = Places(bar.High, places);
            places = Places(bar.Low, places);
            places = Places(bar.Close, places);
            if (places == MaxPlaces) break;
        }
        return new decimal(1, 0, 0, false, (byte)places);
    }

    /// <summary>The places <paramref name="price"/> needs, or <paramref name="atLeast"/> if more.</summary>
    private static int Places(decimal price, int atLeast)
    {
        // A price written with no more places than already found needs no more (the common case: one comparison).
        if (price.Scale <= atLeast) return atLeast;
        var places = atLeast;
        while (places < MaxPlaces && decimal.Round(price, places) != price) places++;
        return places;
    }
}
