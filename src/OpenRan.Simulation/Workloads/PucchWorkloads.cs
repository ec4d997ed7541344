using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Simulation.Workloads;

/// <summary>
/// Seeded PUCCH workloads for benchmarks and quick benches, close to srsRAN's <c>pucch_processor_benchmark</c>: one
/// occasion in a 273-PRB, 30 kHz grid at 20 dB SNR per RE on every receive antenna (the same transmitted signal, independent
/// noise). Format 0: 2 symbols with hopping, 2 HARQ-ACK bits; format 1: 14 symbols with hopping, 2 HARQ-ACK bits; format
/// 2: 2 symbols, 16 PRB, 44 CSI bits; format 3: 14 symbols, 16 PRB, QPSK, 64 CSI bits; format 4: 14 symbols, N_SF 2, 22
/// CSI bits.
/// </summary>
public static class PucchWorkloads
{
    /// <summary>The reception workload of format <paramref name="format"/> (0..4) with <paramref name="rxAntennas"/> antennas (1..16).</summary>
    public static PucchReceptionWorkload Reception(int format, int rxAntennas, int seed = 7)
    {
        ThrowHelper.ThrowIfOutside(format, 0, 4);
        ThrowHelper.ThrowIfOutside(rxAntennas, 1, 16);
        var common = new PucchConfiguration { Numerology = 1, NSizeBwp = 273, NIdCell = 500, NRnti = 0x4601 };
        (PucchConfiguration configuration, PucchUciSizes sizes, string what) = format switch
        {
            0 => (common with { Format = PucchFormat.Format0, StartSymbol = 12, SymbolCount = 2, StartPrb = 0, SecondHopPrb = 272, InitialCyclicShift = 3 }, new PucchUciSizes(2), "format 0, 2 symbols, hopping, 2 HARQ-ACK bits"),
            1 => (common with { Format = PucchFormat.Format1, StartSymbol = 0, SymbolCount = 14, StartPrb = 0, SecondHopPrb = 272 }, new PucchUciSizes(2), "format 1, 14 symbols, hopping, 2 HARQ-ACK bits"),
            2 => (common with { Format = PucchFormat.Format2, StartSymbol = 12, SymbolCount = 2, StartPrb = 10, PrbCount = 16 }, new PucchUciSizes(0, 0, 44), "format 2, 2 symbols, 16 PRB, 44 CSI bits"),
            3 => (common with { Format = PucchFormat.Format3, StartSymbol = 0, SymbolCount = 14, StartPrb = 10, PrbCount = 16, Modulation = ModulationScheme.Qpsk }, new PucchUciSizes(0, 0, 64), "format 3, 14 symbols, 16 PRB, QPSK, 64 CSI bits"),
            _ => (common with { Format = PucchFormat.Format4, StartSymbol = 0, SymbolCount = 14, StartPrb = 10, SpreadingFactor = 2, OccIndex = 1 }, new PucchUciSizes(0, 0, 22), "format 4, 14 symbols, N_SF 2, 22 CSI bits"),
        };
        var random = new Random(seed);
        byte[] ack = RandomBits(sizes.HarqAckBitCount, random);
        byte[] csi = RandomBits(sizes.CsiPart1BitCount, random);
        const int slot = 3;
        var transmitted = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, 273 * NrConstants.SubcarriersPerRb);
        new PucchTransmitter().Transmit(configuration, new PucchUciPayload(ack, default, csi), slot, transmitted);
        var grid = new ResourceGrid(rxAntennas, NrConstants.SymbolsPerSlotNormalCp, 273 * NrConstants.SubcarriersPerRb);
        double sigma = Math.Sqrt(Math.Pow(10, -20 / 10.0) / 2);
        for (int r = 0; r < rxAntennas; r++)
        {
            transmitted.Port(0).CopyTo(grid.Port(r));
            Span<ComplexF32> port = grid.Port(r);
            for (int i = 0; i < port.Length; i++)
            {
                // Box-Muller: two independent normal values from two uniform ones.
                double radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * sigma;
                double angle = 2 * Math.PI * random.NextDouble();
                port[i] += new ComplexF32((float)(radius * Math.Cos(angle)), (float)(radius * Math.Sin(angle)));
            }
        }

        var workload = new PucchReceptionWorkload(new PucchReceiver(), grid, configuration, sizes, slot, new PucchUciMessage(), $"{what}, 273 PRB at 30 kHz, {rxAntennas} Rx, 20 dB");
        if (!workload.Receive())
        {
            throw new InvalidOperationException($"{workload.Description}: the workload occasion does not decode.");
        }

        return workload;
    }

    private static byte[] RandomBits(int count, Random random)
    {
        var bits = new byte[count];
        for (int i = 0; i < count; i++)
        {
            bits[i] = (byte)random.Next(2);
        }

        return bits;
    }
}
