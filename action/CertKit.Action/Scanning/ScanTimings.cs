using System.Diagnostics;
using System.Globalization;

namespace CertKit.Action.Scanning;

/// <summary>The parts a scan's wall time is split into (<c>certkit scan --timings</c>).</summary>
internal enum ScanPhase
{
    /// <summary>Finding the files (git), reading and decoding them, working out what a pull request changed.</summary>
    TextFiles,

    /// <summary><c>dotnet restore</c> of projects that were never restored.</summary>
    Restore,

    /// <summary>Opening projects: MSBuild's design-time build, or the cached result of one.</summary>
    Load,

    /// <summary>Parsing, source generators, binding declarations; the reference assembly of a project others reference.</summary>
    Compilation,

    /// <summary>The analyzer driver: the analyzers over every syntax tree and text file, with the binding of method bodies they need.</summary>
    Analyzers,

    /// <summary>Writing the text, JSON and SARIF reports.</summary>
    Report,
}

/// <summary>Where one project's time went.</summary>
internal sealed class ProjectTiming(string path)
{
    public string Path { get; } = path;

    public TimeSpan Load { get; set; }

    public TimeSpan Compilation { get; set; }

    public TimeSpan Analyzers { get; set; }
}

/// <summary>
/// Wall time per <see cref="ScanPhase"/>, per project and in total, and the scan process's peak memory. Phases never
/// overlap (the scan runs them one after the other), so they add up to the wall time; what is outside every phase is
/// reported as <see cref="Unaccounted"/>.
/// </summary>
internal sealed class ScanTimings
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan[] _phases = new TimeSpan[Enum.GetValues<ScanPhase>().Length];
    private readonly Dictionary<string, ProjectTiming> _projects = new(StringComparer.Ordinal);
    private TimeSpan? _stoppedAt;

    public TimeSpan Wall => _stoppedAt ?? _wall.Elapsed;

    public TimeSpan this[ScanPhase phase] => _phases[(int)phase];

    public IReadOnlyList<ProjectTiming> Projects => _projects.Values.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();

    public TimeSpan Unaccounted => Wall - _phases.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase);

    /// <summary>The scan process's peak resident memory (VmHWM), or its peak working set where /proc is not there.</summary>
    public long PeakMemoryBytes { get; private set; }

    /// <summary>Times the code until the returned scope is disposed, and adds it to the phase (and to the project, when given).</summary>
    public Scope Measure(ScanPhase phase, string? projectPath = null) => new(this, phase, projectPath);

    public void Add(ScanPhase phase, TimeSpan elapsed, string? projectPath = null)
    {
        lock (_phases)
        {
            _phases[(int)phase] += elapsed;
            if (projectPath is null)
            {
                return;
            }

            if (!_projects.TryGetValue(projectPath, out var project))
            {
                _projects[projectPath] = project = new ProjectTiming(projectPath);
            }

            switch (phase)
            {
                case ScanPhase.Load: project.Load += elapsed; break;
                case ScanPhase.Compilation: project.Compilation += elapsed; break;
                case ScanPhase.Analyzers: project.Analyzers += elapsed; break;
            }
        }
    }

    /// <summary>Stops the wall clock and reads the peak memory.</summary>
    public void Stop()
    {
        _stoppedAt ??= _wall.Elapsed;
        PeakMemoryBytes = ReadPeakMemory();
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);

    private static long ReadPeakMemory()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    internal readonly struct Scope(ScanTimings timings, ScanPhase phase, string? projectPath) : IDisposable
    {
        private readonly long _start = Stopwatch.GetTimestamp();

        public void Dispose() => timings.Add(phase, Stopwatch.GetElapsedTime(_start), projectPath);
    }
}
