using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>
/// The random walk behind <see cref="SyntheticBarFeed"/>: geometric Brownian motion whose drift and
/// volatility follow a per-symbol Markov chain of regimes. The walk runs in double (exp, sqrt);
/// every bar value is converted once to a whole number of ticks and then to decimal.
/// Allocates nothing per bar.
/// </summary>
internal sealed class SyntheticBarGenerator
{
    /// <summary>Largest value, in ticks, a synthetic bar can reach (the walk is capped there).</summary>
    internal const long MaxTicks = 100_000_000_000_000_000L;

    private const double DaysPerYear = 365.25;
    private const double VolumeDispersion = 0.35;

    private readonly Random _random;
    private readonly string[] _symbols;
    private readonly TimeSpan _interval;
    private readonly decimal _tick;
    private readonly double _ticksPerUnit;
    private readonly double _levelCeiling;
    private readonly int _steps;
    private readonly double _volumeMean;
    private readonly double[] _stepDrift;
    private readonly double[] _stepSigma;
    private readonly double[] _switchProbability;
    private readonly double[] _level;
    private readonly long[] _openTicks;
    private readonly int[] _regime;
    private int _symbolIndex;
    private DateTimeOffset _time;
    private double _spareNormal;
    private bool _hasSpareNormal;

    public SyntheticBarGenerator(SyntheticFeedOptions options, DateTimeOffset start)
    {
        _random = new Random(options.Seed);
        _symbols = options.Symbols.Select(s => s.Symbol).ToArray();
        _interval = options.Interval;
        _tick = options.TickSize;
        _ticksPerUnit = 1.0 / (double)options.TickSize;
        _levelCeiling = MaxTicks / _ticksPerUnit;
        _steps = options.StepsPerBar;
        _volumeMean = (double)options.BaseVolume;
        _time = start;

        double stepYears = options.Interval.TotalDays / DaysPerYear / options.StepsPerBar;
        int regimes = options.Regimes.Count;
        _stepDrift = new double[regimes];
        _stepSigma = new double[regimes];
        _switchProbability = new double[regimes];
        for (int r = 0; r < regimes; r++)
        {
            var regime = options.Regimes[r];
            double sigma = regime.AnnualVolatility;
            _stepDrift[r] = (regime.AnnualDrift - 0.5 * sigma * sigma) * stepYears;
            _stepSigma[r] = sigma * Math.Sqrt(stepYears);
            _switchProbability[r] = regimes > 1 ? regime.SwitchProbability : 0;
        }

        _level = new double[_symbols.Length];
        _openTicks = new long[_symbols.Length];
        _regime = new int[_symbols.Length];
        for (int s = 0; s < _symbols.Length; s++)
        {
            // The walk starts exactly at the first open: the start rounded (in decimal) to whole ticks.
            decimal startTicks = Math.Round(options.Symbols[s].StartPrice / options.TickSize, MidpointRounding.AwayFromZero);
            _openTicks[s] = Math.Clamp((long)startTicks, 1L, MaxTicks);
            _level[s] = _openTicks[s] / _ticksPerUnit;
        }
    }

    /// <summary>Index (into the options' regimes) of the regime the last bar was drawn in.</summary>
    public int LastRegime { get; private set; }

    /// <summary>The next bar: every symbol in the given order for one bar time, then the next time.</summary>
    public Bar Next()
    {
        int s = _symbolIndex;
        int regime = NextRegime(_regime[s]);
        _regime[s] = regime;

        double level = _level[s];
        double highest = level;
        double lowest = level;
        double drift = _stepDrift[regime];
        double sigma = _stepSigma[regime];
        for (int step = 0; step < _steps; step++)
        {
            level *= Math.Exp(drift + sigma * NextNormal());
            if (level > _levelCeiling) level = _levelCeiling;
            if (level > highest) highest = level;
            else if (level < lowest) lowest = level;
        }
        _level[s] = level;

        long open = _openTicks[s];
        long close = ToTicks(level);
        long high = Math.Max(open, ToTicks(highest));
        long low = Math.Min(open, ToTicks(lowest));
        _openTicks[s] = close;

        var bar = new Bar(_symbols[s], _time, open * _tick, high * _tick, low * _tick, close * _tick,
            NextVolume(), _interval);

        LastRegime = regime;
        if (++_symbolIndex == _symbols.Length)
        {
            _symbolIndex = 0;
            _time += _interval;
        }
        return bar;
    }

    private int NextRegime(int current)
    {
        double p = _switchProbability[current];
        if (p <= 0 || _random.NextDouble() >= p) return current;
        int other = _random.Next(_switchProbability.Length - 1);
        return other >= current ? other + 1 : other;
    }

    /// <summary>Rounds to the nearest whole tick, at least one tick and at most <see cref="MaxTicks"/>.</summary>
    private long ToTicks(double level)
    {
        double ticks = Math.Round(level * _ticksPerUnit);
        if (!(ticks >= 1)) return 1;
        return ticks >= MaxTicks ? MaxTicks : (long)ticks;
    }

    /// <summary>Log-normal around the base volume (mean preserved), whole units, at least 1.</summary>
    private decimal NextVolume()
    {
        double factor = Math.Exp(VolumeDispersion * NextNormal() - 0.5 * VolumeDispersion * VolumeDispersion);
        double units = Math.Round(_volumeMean * factor);
        return units >= 1 ? (long)units : 1L;
    }

    /// <summary>Standard normal by the Box-Muller transform; each pair of uniforms gives two draws.</summary>
    private double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }
        double u1 = 1.0 - _random.NextDouble();
        double u2 = _random.NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        double angle = 2.0 * Math.PI * u2;
        _spareNormal = radius * Math.Sin(angle);
        _hasSpareNormal = true;
        return radius * Math.Cos(angle);
    }
}
