using System;
using BenchmarkDotNet.Attributes;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// PUCCH reception of one occasion (<see cref="PucchReceiver"/>) in a 273-PRB, 30 kHz grid with 1, 2 and 4 receive
/// antennas at 20 dB SNR per RE, conditions close to srsRAN's <c>pucch_processor_benchmark</c>: format 0 detection
/// (2 symbols with hopping, 2 HARQ-ACK bits), format 1 detection (14 symbols, hopping, 2 HARQ-ACK bits), format 2
/// decoding (2 symbols, 16 PRB, 44 CSI bits), format 3 decoding (14 symbols, 16 PRB, QPSK, 64 CSI bits), format 4
/// decoding (14 symbols, N_SF 2, 22 CSI bits). Steady state allocates 0 B.
/// </summary>
[BenchmarkCategory(Categories.Chain, "Pucch")]
[MedianColumn]
public class PucchReceiveBenchmarks
{
    private readonly PucchReceiver _receiver = new();
    private readonly PucchUciMessage _message = new();
    private ResourceGrid _grid = null!;
    private PucchConfiguration _configuration = null!;
    private PucchUciSizes _sizes;

    [Params(0, 1, 2, 3, 4)]
    public int Format { get; set; }

    [Params(1, 2, 4)]
    public int RxAntennas { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        var common = new PucchConfiguration { Numerology = 1, NSizeBwp = 273, NIdCell = 500, NRnti = 0x4601 };
        (_configuration, _sizes) = Format switch
        {
            0 => (common with { Format = PucchFormat.Format0, StartSymbol = 12, SymbolCount = 2, StartPrb = 0, SecondHopPrb = 272, InitialCyclicShift = 3 }, new PucchUciSizes(2)),
            1 => (common with { Format = PucchFormat.Format1, StartSymbol = 0, SymbolCount = 14, StartPrb = 0, SecondHopPrb = 272 }, new PucchUciSizes(2)),
            2 => (common with { Format = PucchFormat.Format2, StartSymbol = 12, SymbolCount = 2, StartPrb = 10, PrbCount = 16 }, new PucchUciSizes(0, 0, 44)),
            3 => (common with { Format = PucchFormat.Format3, StartSymbol = 0, SymbolCount = 14, StartPrb = 10, PrbCount = 16, Modulation = ModulationScheme.Qpsk }, new PucchUciSizes(0, 0, 64)),
            _ => (common with { Format = PucchFormat.Format4, StartSymbol = 0, SymbolCount = 14, StartPrb = 10, SpreadingFactor = 2, OccIndex = 1 }, new PucchUciSizes(0, 0, 22)),
        };
        var random = new Random(7);
        byte[] ack = FullSlot.RandomBits(_sizes.HarqAckBitCount, random);
        byte[] csi = FullSlot.RandomBits(_sizes.CsiPart1BitCount, random);
        var transmitted = new ResourceGrid(1, 14, 273 * 12);
        new PucchTransmitter().Transmit(_configuration, new PucchUciPayload(ack, default, csi), 3, transmitted);
        _grid = new ResourceGrid(RxAntennas, 14, 273 * 12);
        for (int r = 0; r < RxAntennas; r++)
        {
            transmitted.Port(0).CopyTo(_grid.Port(r));
        }

        FullSlot.AddNoise(_grid, 20, new Random(8));
        if (!Receive())
        {
            throw new InvalidOperationException($"format {Format}: the benchmark occasion does not decode.");
        }
    }

    [Benchmark]
    public bool Receive() => _receiver.Receive(_grid, _configuration, _sizes, 3, _message).IsValid;
}
