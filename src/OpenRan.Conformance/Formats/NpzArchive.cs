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

    /// <summary>Reads an <c>.npz</c> archive.</summary>
    /// <exception cref="ReferenceDataFormatException">The zip or one of its members is malformed.</exception>
    public static NpzArchive Load(string path)
    {
        var arrays = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
        try
        {
            using ZipArchive zip = ZipFile.OpenRead(path);
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                {
                    throw new ReferenceDataFormatException(path, $"member '{entry.FullName}' is not an .npy file.");
                }

                using Stream stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                string name = entry.FullName[..^4];
                arrays[name] = NpyArray.Parse(buffer.ToArray(), $"{path}[{entry.FullName}]");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ReferenceDataFormatException(path, $"not a readable zip archive: {ex.Message}", ex);
        }

        return new NpzArchive(path, arrays);
    }
}
