namespace Bulwark.Core.Tests.Statistics;

/// <summary>Seeded synthetic series for the statistics tests (standard normals by Box-Muller).</summary>
internal sealed class SeriesGenerator(int seed)
{
    private readonly Random _random = new(seed);

    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble(); // (0, 1]: the logarithm stays finite
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double[] WhiteNoise(int n)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = Normal();
        return values;
    }

    public double[] RandomWalk(int n)
    {
        var values = new double[n];
        var level = 0.0;
        for (var i = 0; i < n; i++)
        {
            level += Normal();
            values[i] = level;
        }
        return values;
    }

    /// <summary>x(t) = phi x(t-1) + e(t), started at 0.</summary>
    public double[] AutoRegressive(int n, double phi)
    {
        var values = new double[n];
        var x = 0.0;
        for (var i = 0; i < n; i++)
        {
            x = phi * x + Normal();
            values[i] = x;
        }
        return values;
    }

    /// <summary>
    /// Draws n observations from a Gaussian HMM: the first state from <paramref name="initial"/>, then each state
    /// from the row of <paramref name="transition"/>; observation = mean + sd * normal. Returns states and values.
    /// </summary>
    public (int[] States, double[] Values) Hmm(int n, double[] initial, double[,] transition, double[] means, double[] sds)
    {
        var states = new int[n];
        var values = new double[n];
        var state = Draw(initial);
        for (var t = 0; t < n; t++)
        {
            if (t > 0)
            {
                var row = new double[initial.Length];
                for (var j = 0; j < row.Length; j++) row[j] = transition[state, j];
                state = Draw(row);
            }
            states[t] = state;
            values[t] = means[state] + sds[state] * Normal();
        }
        return (states, values);
    }

    private int Draw(double[] probabilities)
    {
        var u = _random.NextDouble();
        var cumulative = 0.0;
        for (var i = 0; i < probabilities.Length - 1; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative) return i;
        }
        return probabilities.Length - 1;
    }
}
