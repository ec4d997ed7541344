using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PUSCH reception of Sionna's transmitter grids (<c>sionna/nr/pusch_transmitter</c>): the reference grid is passed
/// through <see cref="TestChannel"/> (antenna ports → as many receive ports) noiseless and at 30 dB and received by
/// <see cref="SharedChannelReceiver"/> (channel estimation, equalization, demapping, descrambling, UL-SCH decoding); the
/// transport block must pass its CRC and equal <c>tb_bits</c>.
/// </summary>
public sealed class PuschTransmitterReceiveCheck : SionnaPuschTransmitterCheck
{
    /// <inheritdoc />
    public override string Category => "pusch-transmitter-receive";

    /// <inheritdoc />
    public override string Description => "Sionna PUSCH grids → transport block with CRC, noiseless and 30 dB (TS 38.211 §6.3.1, TS 38.212 §6.2 inverted)";

    /// <inheritdoc />
    public override CaseResult Run(string caseId)
    {
        SionnaPuschCase vector = SionnaPuschCase.Load(caseId);
        PuschConfiguration configuration = vector.Configuration;
        int ports = configuration.AntennaPortCount;
        int k = configuration.NSizeGrid * NrConstants.SubcarriersPerRb;
        ResourceGrid reference = ReferenceGrid(vector);
        var receiver = new SharedChannelReceiver(ports, configuration.LayerCount);
        var received = new ResourceGrid(ports, 14, k);
        SharedChannelSoftBuffer buffer = receiver.CreateSoftBuffer(configuration);
        var decoded = new byte[vector.TransportBlock.Length];
        string detail = string.Empty;
        foreach (double snr in PdschReceiveCheck.SnrsDb)
        {
            TestChannel.Apply(reference, snr, seed: 7, received);
            SharedChannelReceiveResult result = receiver.Receive(configuration, received, vector.Slot, 0, buffer, newData: true, decoded);
            string? failure = PdschReceiveCheck.TransportBlockFailure(result, decoded, vector.TransportBlock);
            if (failure is not null)
            {
                return CaseResult.Fail($"SNR {snr} dB: {failure}");
            }

            detail = $"SINR {result.Measurements.SinrDb:F1} dB, EVM {result.Measurements.EvmPercent:F2} %, ≤ {result.MaxIterations} LDPC iteration(s) at {snr} dB";
        }

        return CaseResult.Pass($"{configuration.LayerCount} layer(s) on {ports} port(s), TBS {decoded.Length}; {detail}");
    }
}
