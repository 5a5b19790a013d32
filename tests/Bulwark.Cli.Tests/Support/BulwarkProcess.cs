using System.Diagnostics;
using System.Text;

namespace Bulwark.Cli.Tests.Support;

/// <summary>Runs the real `bulwark` executable (the built bulwark.dll) as a child process.</summary>
public sealed class BulwarkProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly Lock _gate = new();

    private BulwarkProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _out.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _err.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "bulwark.dll");

    public string StdOut { get { lock (_gate) return _out.ToString(); } }
    public string StdErr { get { lock (_gate) return _err.ToString(); } }
    public bool HasExited => _process.HasExited;

    public static BulwarkProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("BULWARK__", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        return new BulwarkProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    /// <summary>Runs to completion (or fails the test after <paramref name="timeout"/>).</summary>
    public static async Task<CliRun> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        await RunAsync(workingDirectory, null, timeout, args);

    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout, params string[] args)
    {
        using var p = Start(workingDirectory, environment, args);
        return await p.WaitAsync(timeout);
    }

    public async Task<CliRun> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bulwark did not exit within {timeout}.\nstdout:\n{StdOut}\nstderr:\n{StdErr}");
        }
        _process.WaitForExit(); // flush the asynchronous output readers
        return new CliRun(_process.ExitCode, StdOut, StdErr);
    }

    /// <summary>Waits until the output contains <paramref name="text"/>, polling with a deadline.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!StdOut.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) throw new InvalidOperationException($"bulwark exited ({_process.ExitCode}) before printing '{text}'.\n{StdOut}\n{StdErr}");
            if (deadline.Elapsed > timeout) throw new TimeoutException($"no '{text}' within {timeout}.\n{StdOut}\n{StdErr}");
            await Task.Delay(20);
        }
    }

    /// <summary>SIGKILL: no handler runs, nothing is flushed.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, the way a service manager stops the bot.</summary>
    public void Terminate()
    {
        if (!_process.HasExited) Posix.Kill(_process.Id, Posix.SigTerm);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
