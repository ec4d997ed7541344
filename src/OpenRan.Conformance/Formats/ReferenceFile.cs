using System;
using System.IO;

namespace OpenRan.Conformance.Formats;

/// <summary>Reads a reference-data file whole, refusing directories and files beyond <see cref="ReferenceDataLimits.MaxFileBytes"/>.</summary>
internal static class ReferenceFile
{
    /// <summary>The bytes of <paramref name="path"/>.</summary>
    /// <exception cref="ReferenceDataFormatException">The path is a directory, or the file is larger than the limit.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static byte[] ReadAllBytes(string path, ReferenceDataLimits? limits)
    {
        limits ??= ReferenceDataLimits.Default;
        if (Directory.Exists(path))
        {
            throw new ReferenceDataFormatException(path, "is a directory, not a file.");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        long declared = stream.CanSeek ? stream.Length : 0;
        if (declared > limits.MaxFileBytes)
        {
            throw TooLarge(path, declared, exact: true, limits);
        }

        // Read to the end rather than trusting the length: a device or pipe reports 0 and may never end.
        var bytes = new byte[declared];
        int filled = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (filled < bytes.Length)
        {
            return bytes[..filled];
        }

        using var rest = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk)) > 0)
        {
            if (bytes.Length + rest.Length + n > limits.MaxFileBytes)
            {
                throw TooLarge(path, bytes.Length + rest.Length + n, exact: false, limits);
            }

            rest.Write(chunk, 0, n);
        }

        if (rest.Length == 0)
        {
            return bytes;
        }

        var all = new byte[bytes.Length + rest.Length];
        bytes.CopyTo(all, 0);
        rest.GetBuffer().AsSpan(0, (int)rest.Length).CopyTo(all.AsSpan(bytes.Length));
        return all;
    }

    private static ReferenceDataFormatException TooLarge(string path, long length, bool exact, ReferenceDataLimits limits) =>
        new(path, $"file is {(exact ? string.Empty : "at least ")}{ReferenceDataLimits.Bytes(length)}, more than the limit of "
            + $"{ReferenceDataLimits.Bytes(limits.MaxFileBytes)} (ReferenceDataLimits.MaxFileBytes).");
}
