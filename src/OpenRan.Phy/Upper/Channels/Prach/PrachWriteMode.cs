namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>How <see cref="PrachGenerator.Generate"/> writes into its destination.</summary>
public enum PrachWriteMode
{
    /// <summary>The occasion's samples replace the destination's.</summary>
    Overwrite,

    /// <summary>The occasion's samples are added (a preamble on top of an OFDM waveform or other preambles).</summary>
    Add,
}
