using System.Globalization;

namespace Bulwark.Cli.Tests.Support;

/// <summary>
/// A CSV file of daily bars, weekends included, whose close is a sine wave around 100 (rounded to the cent), its high
/// and low a unit either side: a series that crosses its short averages again and again.
/// </summary>
internal static class DailyWave
{
    /// <param name="days">Bars, one a day from 2024-01-01.</param>
    /// <param name="step">The wave's step a day, in radians over pi: 1/8 is a full wave every 16 days.</param>
    /// <param name="volume">Every bar's volume.</param>
    public static string Csv(int days, double step, decimal volume, decimal amplitude = 5m) =>
        "Date,Open,High,Low,Close,Volume\n" + string.Join("\n", Enumerable.Range(0, days).Select(d =>
        {
            var close = 100m + Math.Round(amplitude * (decimal)Math.Sin(d * Math.PI * step), 2);
            return string.Create(CultureInfo.InvariantCulture, $"{new DateOnly(2024, 1, 1).AddDays(d):yyyy-MM-dd},{close},{close + 1},{close - 1},{close},{volume}");
        })) + "\n";
}
