using System.Diagnostics;
using System.Globalization;

namespace MLOps.Benchmarks;

/// <summary>
/// CPU time of this process (the engine) and of its child processes (Azurite), so a run on a busy machine still
/// shows what the work cost. Children are read from /proc, so their share is only known on Linux.
/// </summary>
public readonly record struct CpuTime(TimeSpan Engine, TimeSpan? Azurite)
{
    // USER_HZ: the unit of utime and stime in /proc/PID/stat; 100 on every mainstream Linux.
    private const double TicksPerSecond = 100;

    public static CpuTime operator -(CpuTime end, CpuTime start) =>
        new(end.Engine - start.Engine, end.Azurite - start.Azurite);

    public static CpuTime Now()
    {
        using Process self = Process.GetCurrentProcess();
        return new CpuTime(self.TotalProcessorTime, ChildrenCpu(self.Id));
    }

    private static TimeSpan? ChildrenCpu(int parent)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        double seconds = 0;
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                // Fields after the parenthesised command: state ppid ... utime(14) stime(15), counted from 1.
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    seconds += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture))
                        / TicksPerSecond;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while we looked.
            }
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
