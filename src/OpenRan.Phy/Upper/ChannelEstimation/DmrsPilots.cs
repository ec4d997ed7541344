using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.ChannelEstimation;

/// <summary>
/// The reference values of a slot's DM-RS that a channel estimator divides out: per occasion o, symbol l′ of the
/// occasion and CDM group λ, the base sequence r of the group's resource elements (without β and the orthogonal covers)
/// in allocation order, P per block. The channel fills them (Gold-sequence DM-RS of TS 38.211 §6.4.1.1.1/§7.4.1.1.1, or a
/// low-PAPR sequence with transform precoding); the estimator only reads them. Sized once; not thread-safe.
/// </summary>
public sealed class DmrsPilots
{
    private const int MaxSequence = 6 * NrConstants.MaxPrb;
    private readonly ComplexF32[] _values;

    /// <summary>Allocates storage for every occasion, symbol and CDM group of up to <paramref name="maxBlocks"/> blocks.</summary>
    public DmrsPilots(int maxBlocks = NrConstants.MaxPrb)
    {
        ThrowHelper.ThrowIfOutside(maxBlocks, 1, NrConstants.MaxPrb);
        MaxBlocks = maxBlocks;
        _values = new ComplexF32[DmrsPattern.MaxOccasions * 2 * DmrsPattern.MaxCdmGroups * MaxSequence];
    }

    /// <summary>The largest number of blocks.</summary>
    public int MaxBlocks { get; }

    /// <summary>The values of occasion <paramref name="occasion"/>, symbol <paramref name="lPrime"/> of the occasion and CDM group <paramref name="cdmGroup"/>: P·blocks values.</summary>
    /// <param name="occasion">0..3.</param>
    /// <param name="lPrime">l′, 0 or 1.</param>
    /// <param name="cdmGroup">λ, 0..2.</param>
    /// <param name="length">P times the allocated blocks.</param>
    public Span<ComplexF32> Values(int occasion, int lPrime, int cdmGroup, int length)
    {
        if ((uint)occasion >= DmrsPattern.MaxOccasions || (uint)lPrime > 1 || (uint)cdmGroup >= DmrsPattern.MaxCdmGroups || (uint)length > (uint)(6 * MaxBlocks))
        {
            ThrowHelper.ThrowOutOfRange(nameof(occasion), (occasion, lPrime, cdmGroup, length), $"occasion 0..{DmrsPattern.MaxOccasions - 1}, l′ 0..1, group 0..{DmrsPattern.MaxCdmGroups - 1}, length ≤ {6 * MaxBlocks}");
        }

        return _values.AsSpan(((((occasion * 2) + lPrime) * DmrsPattern.MaxCdmGroups) + cdmGroup) * MaxSequence, length);
    }
}
