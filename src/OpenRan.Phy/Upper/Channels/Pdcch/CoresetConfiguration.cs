using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// A control resource set (TS 38.211 §7.3.2.2, TS 38.331 ControlResourceSet): frequency domain resources, duration,
/// CCE-to-REG mapping and DM-RS parameters.
/// </summary>
/// <param name="Id">controlResourceSetId p (0 for CORESET#0).</param>
/// <param name="FirstRb">The common resource block of the CORESET's RB 0: for a bitmap, the first RB of group 0
/// (6·⌈N_BWP^start/6⌉ plus rb-Offset); for CORESET#0, its lowest RB.</param>
/// <param name="FrequencyResources">The frequencyDomainResources bitmap: bit i set = RBs 6i..6i+5 (relative to <paramref name="FirstRb"/>) belong to the CORESET.</param>
/// <param name="Duration">N_symb^CORESET, 1..3.</param>
/// <param name="Mapping">Interleaved or not.</param>
/// <param name="RegBundleSize">L: 6 when non-interleaved; 2 or 6 (duration 1, 2) or 3 or 6 (duration 3) when interleaved.</param>
/// <param name="InterleaverSize">R: 2, 3 or 6 (interleaved only).</param>
/// <param name="ShiftIndex">n_shift: 0..274 from RRC, or N_ID^cell (0..1007) for CORESET#0 (interleaved only).</param>
/// <param name="Granularity">The precoder granularity.</param>
/// <param name="DmrsScramblingId">pdcch-DMRS-ScramblingID N_ID (0..65535), or null to use N_ID^cell.</param>
public sealed record CoresetConfiguration(
    int Id,
    int FirstRb,
    bool[] FrequencyResources,
    int Duration,
    CceRegMapping Mapping,
    int RegBundleSize,
    int InterleaverSize,
    int ShiftIndex,
    PrecoderGranularity Granularity,
    int? DmrsScramblingId)
{
    /// <summary>
    /// Whether the DM-RS reference point is the CORESET's lowest RB (CORESET#0 configured by the MIB, TS 38.211
    /// §7.4.1.3.2) instead of common RB 0.
    /// </summary>
    public bool DmrsReferenceIsCoresetStart { get; init; }

    /// <summary>Throws when a parameter is out of range.</summary>
    public void Validate()
    {
        ThrowHelper.ThrowIfOutside(Id, 0, 15, nameof(Id));
        ThrowHelper.ThrowIfOutside(Duration, 1, 3, nameof(Duration));
        ThrowHelper.ThrowIfOutside(FirstRb, 0, 274, nameof(FirstRb));
        ArgumentNullException.ThrowIfNull(FrequencyResources);
        ThrowHelper.ThrowIfOutside(FrequencyResources.Length, 1, 46, "FrequencyResources.Length");
        if (DmrsScramblingId is int id)
        {
            ThrowHelper.ThrowIfOutside(id, 0, 65535, nameof(DmrsScramblingId));
        }

        if (Mapping == CceRegMapping.NonInterleaved)
        {
            ThrowHelper.ThrowIfOutside(RegBundleSize, 6, 6, nameof(RegBundleSize));
            return;
        }

        bool bundleOk = Duration == 3 ? RegBundleSize is 3 or 6 : RegBundleSize is 2 or 6;
        if (!bundleOk)
        {
            ThrowHelper.ThrowOutOfRange(nameof(RegBundleSize), RegBundleSize, Duration == 3 ? "3 or 6 (duration 3)" : "2 or 6 (duration 1 or 2)");
        }

        if (InterleaverSize is not (2 or 3 or 6))
        {
            ThrowHelper.ThrowOutOfRange(nameof(InterleaverSize), InterleaverSize, "2, 3 or 6");
        }

        ThrowHelper.ThrowIfOutside(ShiftIndex, 0, 1007, nameof(ShiftIndex));
    }
}
