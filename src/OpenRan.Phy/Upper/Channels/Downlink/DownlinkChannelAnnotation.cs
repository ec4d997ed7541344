namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// What one channel occupied in a composed slot (for recordings' annotations and analysers): kind, label, identity,
/// resource blocks and symbols, modulation and power. A value type; the composer keeps a fixed array of them per slot.
/// </summary>
/// <param name="Kind">The signal.</param>
/// <param name="Name">The configured label.</param>
/// <param name="Index">The index of the channel in its configuration list (SSB: the block index).</param>
/// <param name="Rnti">RNTI (PDSCH, PDCCH), N_ID (CSI-RS) or N_ID^cell (SSB).</param>
/// <param name="FirstCrb">Lowest common resource block.</param>
/// <param name="CrbCount">Resource blocks spanned (first to last).</param>
/// <param name="FirstSymbol">First OFDM symbol in the slot (SSB: in the block's numerology).</param>
/// <param name="SymbolCount">Symbols.</param>
/// <param name="BitsPerSymbol">Q_m of the data (0 for reference signals).</param>
/// <param name="PowerDb">Power relative to unit energy per resource element.</param>
/// <param name="Detail">TBS (coded PDSCH), redundancy version × 1000 + CCE (PDCCH), or 0.</param>
public readonly record struct DownlinkChannelAnnotation(
    DownlinkChannelKind Kind, string Name, int Index, int Rnti, int FirstCrb, int CrbCount, int FirstSymbol, int SymbolCount, int BitsPerSymbol, double PowerDb, int Detail);
