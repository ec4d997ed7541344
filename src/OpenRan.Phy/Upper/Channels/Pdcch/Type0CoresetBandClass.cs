namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// Which of the FR1 CORESET#0 tables of TS 38.213 §13 applies besides the {SS/PBCH block, PDCCH} subcarrier spacings: the
/// channel access mode and, without shared spectrum channel access, the minimum channel bandwidth of the band
/// (TS 38.101-1).
/// </summary>
public enum Type0CoresetBandClass
{
    /// <summary>
    /// Operation without shared spectrum channel access in an FR1 band with minimum channel bandwidth 5 or 10 MHz (Tables
    /// 13-1 … 13-4), and every FR2-1 or FR2-NTN band (Tables 13-7 … 13-10). A band with minimum channel bandwidth 3 MHz
    /// also uses Table 13-1 when its channel is wider than 3 MHz and the SS/PBCH block is not located according to NOTE 12
    /// of TS 38.101-1 Table 5.4.3.3-1.
    /// </summary>
    Default,

    /// <summary>
    /// An FR1 band with minimum channel bandwidth 40 MHz: Tables 13-5 ({30, 15} kHz) and 13-6 ({30, 30} kHz). The
    /// text that adds Table 13-0 also applies these tables to the bands of NOTE 17 of TS 38.101-1 Table 5.2-1.
    /// </summary>
    MinChannelBandwidth40Mhz,

    /// <summary>
    /// An FR1 band with minimum channel bandwidth 3 MHz operated with a 3 or 5 MHz channel: Table 13-0 ({15, 15} kHz,
    /// added in Release 18). Indices 0 … 9 apply when the SS/PBCH block is located according to TS 38.101-1 Table
    /// 5.4.3.3-2, indices 10 and 11 when it is located according to NOTE 12 of Table 5.4.3.3-1; the caller picks the index
    /// accordingly. The rows give the nominal CORESET; the 24-RB rows are wider than a 3 MHz channel, and the puncturing
    /// of the SS/PBCH block and PDCCH at the channel edges is not modelled here.
    /// </summary>
    MinChannelBandwidth3Mhz,

    /// <summary>
    /// Operation with shared spectrum channel access in FR1: Tables 13-1A ({15, 15} kHz) and 13-4A ({30, 30} kHz); the
    /// CORESET SCS equals the SS/PBCH block SCS. The table offset applies as is when the SS/PBCH block sits on the GSCN
    /// of a synchronization raster entry (TS 38.101-1). For a block off the raster (ssbFrequency in a measurement
    /// configuration with reportCGI) TS 38.213 §13 adds a second offset, from the block to a hypothetical block on the
    /// raster entry of the same channel; that offset is not part of the table and is left to the caller.
    /// </summary>
    SharedSpectrumChannelAccess,
}
