using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Simulation.Workloads;

/// <summary>
/// Seeded control-channel workloads for benchmarks and quick benches: noisy DCI LLRs, a slot grid with an SS/PBCH block and a
/// slot grid with a PDCCH in a 48-PRB CORESET (the shapes the speed budgets are stated for).
/// </summary>
public static class ControlChannelWorkloads
{
    /// <summary>Adds complex white Gaussian noise of variance <paramref name="variance"/> to every element (seeded <see cref="GaussianNoiseSource"/>).</summary>
    public static void AddNoise(Span<ComplexF32> samples, double variance, int seed)
    {
        float[] normals = Normals(2 * samples.Length, seed);
        float sigma = (float)Math.Sqrt(variance / 2);
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] += new ComplexF32(sigma * normals[2 * i], sigma * normals[(2 * i) + 1]);
        }
    }

    private static float[] Normals(int count, int seed)
    {
        var source = new GaussianNoiseSource(count);
        source.Reseed((ulong)seed);
        var normals = new float[count];
        source.FillStandardNormal(normals);
        return normals;
    }

    /// <summary>E rate-matched LLRs of a DCI of <paramref name="payload"/> bits for RNTI 0x4601 at an SNR per coded bit.</summary>
    public static float[] DciLlrs(int payload, int e, double snrDb, int seed)
    {
        var codec = new DciCodec(1);
        var bits = new byte[payload];
        var random = new Random(seed);
        for (int i = 0; i < payload; i++)
        {
            bits[i] = (byte)random.Next(2);
        }

        var f = new byte[e];
        codec.Encode(bits, 0x4601, f);
        double sigma2 = Math.Pow(10, -snrDb / 10);
        float[] normals = Normals(e, seed);
        var llrs = new float[e];
        for (int i = 0; i < e; i++)
        {
            double y = (f[i] == 0 ? 1 : -1) + (normals[i] * Math.Sqrt(sigma2));
            llrs[i] = (float)(2 * y / sigma2);
        }

        return llrs;
    }

    /// <summary>A 52-PRB slot grid with one SS/PBCH block (N_ID^cell 500, L_max 8, block 3) at the given SNR per RE.</summary>
    public static ResourceGrid SsbGrid(double snrDb)
    {
        var grid = new ResourceGrid(1, 14, 52 * 12);
        new SsbTransmitter().Map(grid, 0, 2, 96, new Mib(784, false, 6, 2, 96, false, true), 500, 8, 3, 0, SsbAmplitudes.Unit);
        AddNoise(grid.Port(0), Math.Pow(10, -snrDb / 10), 7);
        return grid;
    }

    /// <summary>
    /// A 48-PRB, 2-symbol CORESET (16 CCEs, interleaved L = 6, R = 2) with a UE-specific search space of {6, 6, 2, 2, 1}
    /// candidates at L = 1..16, and a 52-PRB grid carrying one 40-bit DCI at L = 2 plus noise at the given SNR.
    /// </summary>
    public static (ResourceGrid Grid, PdcchSearchRequest Request) PdcchSlot(double snrDb)
    {
        var bitmap = new bool[8];
        Array.Fill(bitmap, true);
        var coreset = new Coreset(new CoresetConfiguration(1, 0, bitmap, 2, CceRegMapping.Interleaved, 6, 2, 3, PrecoderGranularity.SameAsRegBundle, 777));
        var space = new SearchSpaceConfiguration(2, false, 1, 0, 1, 0, [6, 6, 2, 2, 1]);
        var request = new PdcchSearchRequest(3, coreset, space, 0x4601, 0x4601, 500);
        var grid = new ResourceGrid(1, 14, 52 * 12);
        int y = PdcchCandidates.HashingY(false, 1, 0x4601, 3);
        int firstCce = PdcchCandidates.FirstCce(y, 1, 6, 2, coreset.CceCount);
        var payload = new byte[40];
        payload[0] = 1;
        new PdcchTransmitter().Map(grid, 0, coreset, new PdcchAllocation(3, 0, firstCce, 2, 0x4601, 0x4601, 500), payload);
        AddNoise(grid.Port(0), Math.Pow(10, -snrDb / 10), 11);
        return (grid, request);
    }
}
