namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// The cell as described by the user for a recording without (or instead of) SS/PBCH blocks: the information srsRAN's
/// <c>ue_dl_nr_file_test</c> takes. Every field left null is taken from the MIB when a block is decoded; a field that is
/// given and contradicts the MIB is an error naming the option.
/// </summary>
public sealed record UeCellDescription
{
    /// <summary>N_ID^cell, 0..1007 (<c>--pci</c>).</summary>
    public int? Pci { get; init; }

    /// <summary>The carrier bandwidth in resource blocks, 1..275 (<c>--prb</c>).</summary>
    public int? CarrierPrbs { get; init; }

    /// <summary>The subcarrier spacing of the carrier (and of CORESET#0) in kHz, 15 or 30 (<c>--scs-khz</c>).</summary>
    public int? SubcarrierSpacingKhz { get; init; }

    /// <summary>The slot number (in the frame) that the recording's first sample starts (<c>--slot</c>).</summary>
    public int? FirstSlot { get; init; }

    /// <summary>The NR-ARFCN of the carrier centre (<c>--dl-arfcn</c>).</summary>
    public int? DownlinkArfcn { get; init; }

    /// <summary>The NR-ARFCN of the SS/PBCH block centre (<c>--ssb-arfcn</c>).</summary>
    public int? SsbArfcn { get; init; }

    /// <summary>controlResourceSetZero, 0..15 (<c>--coreset0-index</c>).</summary>
    public int? Coreset0Index { get; init; }

    /// <summary>searchSpaceZero, 0..15 (the 4 LSBs of pdcch-ConfigSIB1).</summary>
    public int? SearchSpaceZero { get; init; }

    /// <summary>dmrs-TypeA-Position, 2 or 3.</summary>
    public int? DmrsTypeAPosition { get; init; }

    /// <summary>Whether the description is complete enough to decode without an SS/PBCH block.</summary>
    public bool IsComplete => Pci is not null && CarrierPrbs is not null && SubcarrierSpacingKhz is not null && DownlinkArfcn is not null && SsbArfcn is not null && Coreset0Index is not null;
}
