namespace OpenRan.Dsp.Implementations;

/// <summary>
/// The implementation names every factory accepts (STYLE.md §6): <c>auto</c> picks the fastest implementation this
/// machine runs, the others name an instruction-set tier. Names are matched case-insensitively after trimming.
/// </summary>
public static class ImplementationNames
{
    /// <summary>The fastest implementation available here.</summary>
    public const string Auto = "auto";

    /// <summary>The AVX-512 (Vector512) implementation.</summary>
    public const string Avx512 = "avx512";

    /// <summary>The AVX2 (Vector256) implementation.</summary>
    public const string Avx2 = "avx2";

    /// <summary>The scalar reference implementation, the oracle the others are tested against.</summary>
    public const string Generic = "generic";

    /// <summary>The canonical form of a user-supplied name: trimmed, lower case.</summary>
    public static string Normalize(string name)
    {
        System.ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant();
    }
}
