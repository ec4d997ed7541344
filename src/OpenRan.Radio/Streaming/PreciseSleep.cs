using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace OpenRan.Radio.Streaming;

/// <summary>
/// Sleeps for less than a millisecond without spinning: <see cref="Thread.Sleep(int)"/> rounds up to whole milliseconds
/// (about 1.1 ms on Linux), too coarse for a paced radio whose blocks are a quarter of a 1 ms slot: a receiver would see
/// each block up to a slot late. On Linux and macOS this is the C library's <c>usleep</c> (timer slack ≈ 50 µs).
/// </summary>
internal static partial class PreciseSleep
{
    /// <summary>Sleeps about <paramref name="seconds"/> (at most 1 s; nothing when ≤ 0).</summary>
    public static void For(double seconds)
    {
        if (!(seconds > 0))
        {
            return;
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = USleep((uint)Math.Clamp(seconds * 1e6, 1, 1e6));
            return;
        }

        Thread.Sleep(Math.Clamp((int)Math.Ceiling(seconds * 1000), 1, 1000));
    }

    [LibraryImport("libc", EntryPoint = "usleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int USleep(uint microseconds);
}
