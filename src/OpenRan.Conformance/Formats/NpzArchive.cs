using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace OpenRan.Conformance.Formats;

/// <summary>
/// A numpy <c>.npz</c> archive (<c>np.savez</c> / <c>np.savez_compressed</c>): a zip file of <c>.npy</c> members,
/// read completely. Member names are given without the <c>.npy</c> suffix.
/// </summary>
/// <remarks>
/// Each member's declared size is checked against <see cref="ReferenceDataLimits.MaxDecompressedBytes"/> (all members
/// together) before it is inflated, and inflation stops at the declared size: a member that inflates to more or less
/// than it declares is rejected. The members share the file's limits on values and arrays.
/// </remarks>
public sealed class NpzArchive
{
    private readonly Dictionary<string, NpyArray> _arrays;

    private NpzArchive(string path, Dictionary<string, NpyArray> arrays)
    {
        Path = path;
        _arrays = arrays;
    }

    /// <summary>The archive path.</summary>
    public string Path { get; }

    /// <summary>The member names (without <c>.npy</c>).</summary>
    public IReadOnlyCollection<string> Names => _arrays.Keys;

    /// <summary>The member called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such member; the message lists those present.</exception>
    public NpyArray this[string name] => _arrays.TryGetValue(name, out NpyArray? a)
        ? a
        : throw new KeyNotFoundException($"{Path}: no member '{name}'; present: {string.Join(", ", _arrays.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>Whether a member called <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => _arrays.ContainsKey(name);

    /// <summary>Reads an <c>.npz</c> archive within <paramref name="limits"/> (default <see cref="ReferenceDataLimits.Default"/>).</summary>
    /// <exception cref="ReferenceDataFormatException">The path is a directory, or the zip or one of its members is malformed or beyond the limits.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static NpzArchive Load(string path, ReferenceDataLimits? limits = null) => Parse(ReferenceFile.ReadAllBytes(path, limits), path, limits);

    /// <summary>Parses <c>.npz</c> content already in memory; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ReferenceDataFormatException">The zip or one of its members is malformed or beyond <paramref name="limits"/>.</exception>
    public static NpzArchive Parse(byte[] bytes, string sourceName, ReferenceDataLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var budget = new ReadBudget(sourceName, limits);
        var arrays = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new ReferenceDataFormatException(sourceName, $"not a readable zip archive (no valid central directory): {ex.Message}", ex);
        }

        using (zip)
        {
            IReadOnlyCollection<ZipArchiveEntry> entries;
            try
            {
                entries = zip.Entries;
            }
            catch (InvalidDataException ex)
            {
                throw new ReferenceDataFormatException(sourceName, $"the zip directory is damaged: {ex.Message}", ex);
            }

            foreach (ZipArchiveEntry entry in entries)
            {
                string member = $"member '{entry.FullName}'";
                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                {
                    throw new ReferenceDataFormatException(sourceName, $"{member} is not an .npy file.");
                }

                string name = entry.FullName[..^4];
                if (arrays.ContainsKey(name))
                {
                    throw new ReferenceDataFormatException(sourceName, $"{member} is stored twice.");
                }

                byte[] content = Inflate(entry, member, bytes.Length, budget);
                arrays[name] = NpyArray.Parse(content, budget.ForMember($"{sourceName}[{entry.FullName}]"));
            }
        }

        return new NpzArchive(sourceName, arrays);
    }

    /// <summary>Inflates one member: its declared size is charged first, and reading stops one byte past it.</summary>
    private static byte[] Inflate(ZipArchiveEntry entry, string member, long archiveLength, ReadBudget budget)
    {
        if (entry.CompressedLength > archiveLength)
        {
            throw budget.Fail($"{member} declares {ReferenceDataLimits.Bytes(entry.CompressedLength)} of compressed data, more than the whole archive ({ReferenceDataLimits.Bytes(archiveLength)}).");
        }

        long declared = entry.Length;
        budget.TakeDecompressed(declared, member);
        if (declared > Array.MaxLength)
        {
            throw budget.Fail($"{member} declares {ReferenceDataLimits.Bytes(declared)}, more than one array can hold.");
        }

        try
        {
            using Stream stream = entry.Open();
            var content = new byte[declared];
            int got = stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
            if (got < content.Length)
            {
                throw budget.Fail($"{member} inflates to only {got} of the {declared} bytes it declares (truncated or corrupt).");
            }

            // .NET's entry stream already stops a deflated member at its declared size; this also covers other streams.
            Span<byte> probe = stackalloc byte[1];
            if (stream.Read(probe) > 0)
            {
                throw budget.Fail($"{member} inflates to more than the {declared} bytes it declares (corrupt size or a decompression bomb); reading stopped there.");
            }

            return content;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not ReferenceDataFormatException)
        {
            // .NET words deflate data errors as "unsupported compression method" or "unexpected error code"; say what it means here.
            throw new ReferenceDataFormatException(budget.Source,
                $"{member} cannot be decompressed: its compressed bytes are corrupt, or it uses a compression method other than deflate or stored ({ex.Message}).", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new ReferenceDataFormatException(budget.Source, $"{member} cannot be read: {ex.Message}", ex);
        }
    }
}
