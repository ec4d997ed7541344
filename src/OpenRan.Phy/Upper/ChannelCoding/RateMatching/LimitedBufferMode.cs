namespace OpenRan.Phy.Upper.ChannelCoding.RateMatching;

/// <summary>How the LDPC circular buffer length N_cb is limited (TS 38.212 §5.4.2.1).</summary>
public enum LimitedBufferMode
{
    /// <summary>I_LBRM = 0: N_cb = N (UL-SCH unless <c>rateMatching = limitedBufferRM</c> is configured).</summary>
    Disabled,

    /// <summary>I_LBRM = 1: N_cb = min(N, N_ref) with N_ref = ⌊TBS_LBRM / (C · R_LBRM)⌋ and R_LBRM = 2/3 (DL-SCH; configured UL-SCH).</summary>
    TransportBlockSize,

    /// <summary>
    /// N_cb = min(N, N_ref) with a given N_ref per code block. This is how MATLAB 5G Toolbox <c>nrDLSCH</c> /
    /// <c>nrRateMatchLDPC</c> express it (property <c>LimitedBufferSize</c>, default 25344), independent of C.
    /// </summary>
    ReferenceLength,
}
