using System;
using System.Globalization;

namespace OpenRan.Conformance.Formats;

/// <summary>
/// What one file may still cost while it is read (<see cref="ReferenceDataLimits"/>): every declared size is charged
/// here before the memory for it is allocated, and a charge beyond a limit raises
/// <see cref="ReferenceDataFormatException"/> naming the file, the element and the limit.
/// </summary>
internal sealed class ReadBudget
{
    private readonly string _source;
    private readonly Totals _totals;

    public ReadBudget(string source, ReferenceDataLimits? limits)
    {
        _source = source;
        Limits = limits ?? ReferenceDataLimits.Default;
        Limits.Validate();
        _totals = new Totals();
    }

    private ReadBudget(string source, ReferenceDataLimits limits, Totals totals)
    {
        _source = source;
        Limits = limits;
        _totals = totals;
    }

    public ReferenceDataLimits Limits { get; }

    /// <summary>The file (or member) being read, as named in errors.</summary>
    public string Source => _source;

    /// <summary>The same budget, naming <paramref name="memberSource"/> (a member of an archive) in errors.</summary>
    public ReadBudget ForMember(string memberSource) => new(memberSource, Limits, _totals);

    /// <summary>Charges <paramref name="bytes"/> inflated bytes for <paramref name="what"/>.</summary>
    public void TakeDecompressed(long bytes, string what)
    {
        if (bytes < 0 || bytes > Limits.MaxDecompressedBytes - _totals.DecompressedBytes)
        {
            throw Fail($"{what} declares {ReferenceDataLimits.Bytes(bytes)} of decompressed data; with the {ReferenceDataLimits.Bytes(_totals.DecompressedBytes)} inflated before it "
                + $"that exceeds the limit of {ReferenceDataLimits.Bytes(Limits.MaxDecompressedBytes)} per file (ReferenceDataLimits.MaxDecompressedBytes; a decompression bomb or a corrupt size).");
        }

        _totals.DecompressedBytes += bytes;
    }

    /// <summary>Charges <paramref name="count"/> values (numbers or characters) for <paramref name="what"/>.</summary>
    public void TakeElements(long count, string what)
    {
        if (count < 0 || count > Limits.MaxElementCount - _totals.Elements)
        {
            throw Fail(Invariant($"{what} holds {count} values; with the {_totals.Elements} read before it that exceeds the limit of {Limits.MaxElementCount} values per file (ReferenceDataLimits.MaxElementCount)."));
        }

        _totals.Elements += count;
    }

    /// <summary>Charges <paramref name="count"/> arrays (variables, fields, cells) for <paramref name="what"/>.</summary>
    public void TakeArrays(long count, string what)
    {
        if (count < 0 || count > Limits.MaxArrayCount - _totals.Arrays)
        {
            throw Fail(Invariant($"{what} declares {count} arrays; with the {_totals.Arrays} read before it that exceeds the limit of {Limits.MaxArrayCount} arrays per file (ReferenceDataLimits.MaxArrayCount)."));
        }

        _totals.Arrays += count;
    }

    /// <summary>
    /// The number of elements of an array with dimensions <paramref name="dimensions"/>: 0 when a dimension is 0, else
    /// their product, checked for overflow and against <see cref="ReferenceDataLimits.MaxElementCount"/>.
    /// </summary>
    public int ElementCount(ReadOnlySpan<int> dimensions, string what)
    {
        if (dimensions.Length > Limits.MaxDimensionCount)
        {
            throw Fail(Invariant($"{what} has {dimensions.Length} dimensions; at most {Limits.MaxDimensionCount} are accepted (ReferenceDataLimits.MaxDimensionCount)."));
        }

        long product = 1;
        foreach (int d in dimensions)
        {
            if (d < 0)
            {
                throw Fail(Invariant($"{what} has a negative dimension ({d})."));
            }

            if (d == 0)
            {
                return 0;
            }
        }

        foreach (int d in dimensions)
        {
            // product ≤ int.MaxValue before each step and d ≤ int.MaxValue, so the long product (< 2^62) cannot overflow.
            product *= d;
            if (product > Limits.MaxElementCount || product > int.MaxValue)
            {
                throw Fail($"{what} has dimensions {Shape(dimensions)}, {DescribeProduct(dimensions)} elements: more than the limit of "
                    + Invariant($"{Math.Min(Limits.MaxElementCount, int.MaxValue)} elements per array (ReferenceDataLimits.MaxElementCount)."));
            }
        }

        return (int)product;
    }

    public ReferenceDataFormatException Fail(string problem) => new(_source, problem);

    private static string Shape(ReadOnlySpan<int> dimensions)
    {
        var parts = new string[dimensions.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = dimensions[i].ToString(CultureInfo.InvariantCulture);
        }

        return $"({string.Join(" x ", parts)})";
    }

    private static string DescribeProduct(ReadOnlySpan<int> dimensions)
    {
        System.Numerics.BigInteger product = 1;
        foreach (int d in dimensions)
        {
            product *= d;
        }

        return product.ToString(CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>What the file has cost so far (shared by the members of an archive).</summary>
    private sealed class Totals
    {
        public long DecompressedBytes;
        public long Elements;
        public long Arrays;
    }
}
