using System.Collections.Generic;
using OpenRan.Conformance.Checks;
using OpenRan.Conformance.Runner;

namespace OpenRan.Conformance;

/// <summary>
/// Every conformance check the project knows, in report order. Each feature adds its checks here; the CLI
/// (<c>openran vectors check</c>) and the vector tests enumerate this list.
/// </summary>
public static class ConformanceCatalog
{
    /// <summary>Creates a fresh instance of every check.</summary>
    public static IReadOnlyList<IConformanceCheck> CreateAll() =>
    [
        new ReferenceFilesCheck(),
        new CrcCheck(),
        new ScramblingCheck(),
        new ModulationMapperCheck(),
        new LowPaprSequenceCheck(),
        new DemapperLlrCheck(),
        new TransformPrecodingCheck(),
        new PdschGridCheck("pdsch"),
        new PdschGridCheck("pdsch_short"),
        new PdschReferenceSignalsCheck(),
        new PuschDmrsCheck(),
        new PuschTransmitterDmrsCheck(),
        new PuschTransmitterGridCheck(),
        new PdschReceiveCheck("pdsch"),
        new PdschReceiveCheck("pdsch_short"),
        new PdschGridCheck("pdsch_waveform"),
        new PdschWaveformReceiveCheck(),
        new PuschTransmitterReceiveCheck(),
        new UlschWithoutUciCheck(),
        new OfdmGridWaveformCheck("ofdm", "py5gphy_matlab/ofdm/dl_lowphy"),
        new OfdmGridWaveformCheck("ofdm-pdsch", "py5gphy_matlab/pdsch/pdsch_waveform"),
        new OfdmSsbWaveformCheck(),
        new LdpcBaseGraphCheck(),
        new LdpcEncodeCheck(),
        new LdpcEncodeSrsranCheck(),
        new LdpcSegmentationCheck(),
        new LdpcRateMatchCheck(),
        new TransportBlockSizeCheck(),
        new SionnaTransportBlockEncodeCheck(),
        .. SharedChannelEncodeCheck.CreateAll(),
        new SharedChannelDecodeSib1Check(),
    ];
}
