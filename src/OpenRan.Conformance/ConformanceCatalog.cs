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
        new Checks.Polar.PolarSequenceCheck(aff3ct: false),
        new Checks.Polar.PolarSequenceCheck(aff3ct: true),
        new Checks.Polar.PolarEncodeCheck(),
        new Checks.Polar.PolarRateMatchCheck(),
        new Checks.Polar.PolarRateRecoverCheck(),
        new Checks.Polar.PolarScDecodeCheck(),
        new Checks.Polar.Py3gppPolarCheck(),
        new Checks.Polar.UciSegmentCheck(),
        new Checks.Polar.UciPolarEncodeCheck(),
        new Checks.Polar.SmallBlockEncodeCheck(),
        new Checks.Ssb.PbchModulationCheck(),
        new Checks.Ssb.MibCheck(),
        new Checks.Ssb.BchPy3gppCheck(),
        new Checks.Ssb.SsbGridCheck(),
        new Checks.Pdcch.DciEncodeCheck(),
        new Checks.Pdcch.PdcchGridCheck(),
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
        new UlschWithUciCheck(),
        new OfdmGridWaveformCheck("ofdm", "py5gphy_matlab/ofdm/dl_lowphy"),
        new OfdmGridWaveformCheck("ofdm-pdsch", "py5gphy_matlab/pdsch/pdsch_waveform"),
        new OfdmSsbWaveformCheck(),
        new Checks.Ssb.SsbWaveformCheck(),
        new Checks.Ssb.SrsranCaptureCheck(),
        new Checks.Ssb.SrsranN78CaptureCheck(),
        new LdpcBaseGraphCheck(),
        new LdpcEncodeCheck(),
        new LdpcEncodeSrsranCheck(),
        new LdpcSegmentationCheck(),
        new LdpcRateMatchCheck(),
        new TransportBlockSizeCheck(),
        new SionnaTransportBlockEncodeCheck(),
        .. SharedChannelEncodeCheck.CreateAll(),
        new SharedChannelDecodeSib1Check(),
        new Checks.Downlink.CsiRsMixedWaveformCheck(),
        new Checks.Pucch.PucchFormat0Check(),
        new Checks.Pucch.PucchFormat2Check(),
        new Checks.Pucch.PucchFormat3Check(),
        new Checks.Pucch.PucchFormat4Check(),
        new Checks.Prach.PrachCheck(),
        new Checks.Downlink.DlWaveformMixedCheck(),
        new Checks.Downlink.PdschMultislotGridCheck(),
        new Checks.TestModels.TestModelGridCheck(),
    ];
}
