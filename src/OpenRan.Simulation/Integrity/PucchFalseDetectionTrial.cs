using System;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Integrity;

/// <summary>
/// The PUCCH receiver on one occasion of noise, 2 receive antennas, a 4-PRB BWP: format 0 (2 symbols, 2 HARQ-ACK bits and an
/// SR opportunity), format 1 (14 symbols, 2 HARQ-ACK bits), format 2 (2 symbols, 4 PRBs), format 3 (14 symbols, 1 PRB) and
/// format 4 (14 symbols, N_SF 2) with A CSI part 1 bits; a false detection is UCI reported valid.
/// </summary>
internal sealed class PucchFalseDetectionTrial : FalseDetectionTrial
{
    private const int RxAntennas = 2;
    private const int BwpPrbs = 4;
    private readonly PucchReceiver _receiver = new();
    private readonly PucchUciMessage _message = new();
    private readonly ResourceGrid _grid = new(RxAntennas, 14, BwpPrbs * 12);
    private readonly PucchConfiguration _configuration;
    private readonly PucchUciSizes _sizes;

    public PucchFalseDetectionTrial(FalseDetectionChannel channel, int payloadBits)
    {
        var common = new PucchConfiguration { NSizeBwp = BwpPrbs, NIdCell = 17, NRnti = 0x4601 };
        (_configuration, _sizes) = channel switch
        {
            FalseDetectionChannel.PucchF0 => (common with { Format = PucchFormat.Format0, StartSymbol = 12, SymbolCount = 2, StartPrb = 1 }, new PucchUciSizes(2, 1)),
            FalseDetectionChannel.PucchF1 => (common with { Format = PucchFormat.Format1, StartSymbol = 0, SymbolCount = 14, StartPrb = 2, InitialCyclicShift = 3 }, new PucchUciSizes(2)),
            FalseDetectionChannel.PucchF2 => (common with { Format = PucchFormat.Format2, StartSymbol = 12, SymbolCount = 2, StartPrb = 0, PrbCount = 4 }, new PucchUciSizes(0, 0, payloadBits)),
            FalseDetectionChannel.PucchF3 => (common with { Format = PucchFormat.Format3, StartSymbol = 0, SymbolCount = 14, StartPrb = 1, PrbCount = 1 }, new PucchUciSizes(0, 0, payloadBits)),
            _ => (common with { Format = PucchFormat.Format4, StartSymbol = 0, SymbolCount = 14, StartPrb = 3, SpreadingFactor = 2 }, new PucchUciSizes(0, 0, payloadBits)),
        };
        PucchConfigurationValidator.ThrowIfInvalid(_configuration, _sizes);
    }

    private bool BlockCode => _sizes.Part1BitCount <= 11;

    public override string Description => $"PUCCH format {(int)_configuration.Format} receiver, {_configuration.SymbolCount} symbols, {RxAntennas} Rx antennas, {_sizes.TotalBitCount} UCI bits"
        + (BlockCode ? $" without CRC: DTX test at P_FA {_receiver.Options.FalseAlarmProbability:G3}" : $" with CRC{(_sizes.Part1BitCount >= 20 ? 11 : 6)}: DM-RS DTX test at P_FA {_receiver.Options.CrcProtectedFalseAlarmProbability:G3}, CA-SCL-{_receiver.Options.PolarListSize}")
        + ", on noise; a false detection is valid UCI";

    // Without a CRC the DTX test alone; with one, the DM-RS test times one of L paths passing the CRC, about L·2^−L_CRC.
    public override double DesignBound => BlockCode
        ? _receiver.Options.FalseAlarmProbability
        : _receiver.Options.CrcProtectedFalseAlarmProbability * _receiver.Options.PolarListSize * Math.Pow(2, -(_sizes.Part1BitCount >= 20 ? 11 : 6));

    public override (bool FalseDetection, bool SignalDetected) Run(ComplexGaussianSource noise, RandomStream random)
    {
        for (int r = 0; r < RxAntennas; r++)
        {
            noise.Generate(_grid.Port(r), 1.0);
        }

        PucchReceiveResult result = _receiver.Receive(_grid, _configuration, _sizes, random.NextInt32(_configuration.SlotsPerFrame), _message);
        return (result.Status == PucchDetectionStatus.Valid, result.Status != PucchDetectionStatus.Dtx);
    }
}
