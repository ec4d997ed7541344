using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Channels;

/// <summary>
/// Issue 13 for the PDCCH blind search and the DCI decoder: 10 000 seeded searches per input kind (all-zero, subnormal,
/// noise only at levels 1e-30..1e4, each also with NaN/±∞/±3e38 in 1..all REs) over a CORESET#0 of 48 RBs with a
/// UE-specific search space of 16 candidates at aggregation levels 1..8 and 4 RNTIs find nothing and never throw.
/// </summary>
public class PdcchReceiverIntegrityTests
{
    private const int Trials = 10_000;
    private static readonly ushort[] s_rntis = [0xFFFF, 0x4601, 0x1234, 0x0001];

    [Theory]
    [InlineData(HostileInputKind.AllZero, false)]
    [InlineData(HostileInputKind.Denormal, false)]
    [InlineData(HostileInputKind.NoiseOnly, false)]
    [InlineData(HostileInputKind.AllZero, true)]
    [InlineData(HostileInputKind.Denormal, true)]
    [InlineData(HostileInputKind.NoiseOnly, true)]
    public void Search_HostileGrid_FindsNothing(HostileInputKind kind, bool corrupt)
    {
        (Coreset coreset, SearchSpaceConfiguration space, int payloadSize) = Setup();
        var receiver = new PdcchReceiver();
        var grid = new ResourceGrid(1, 14, 12 * 52);
        var results = new[] { new PdcchDetection(), new PdcchDetection() };
        int[] sizes = [payloadSize, payloadSize + 3];
        var random = new Random(((int)kind * 2) + (corrupt ? 1 : 0));
        int found = 0, decodes = 0, candidates = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            // Only the CORESET's symbol matters: refill it.
            Span<ComplexF32> symbol = grid.Symbol(0, 0);
            HostileInput.Fill(symbol, kind, HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)], random);
            if (corrupt)
            {
                HostileInput.Corrupt(symbol, 1 + random.Next(symbol.Length), random);
            }

            var request = new PdcchSearchRequest(random.Next(20), coreset, space, 0x4601, 0, 500);
            found += receiver.Search(grid, 0, request, sizes, s_rntis, s_rntis.Length, results);
            decodes += receiver.LastDecodeCount;
            candidates += receiver.LastDtxCount + (receiver.LastDecodeCount / sizes.Length);
            if (kind != HostileInputKind.NoiseOnly)
            {
                Assert.Equal(0, receiver.LastDecodeCount);
            }
        }

        Assert.True(found == 0, $"{found} DCIs found in {Trials} {kind} grids (corrupt: {corrupt}; {decodes} polar decodes)");
        if (kind == HostileInputKind.NoiseOnly)
        {
            // The DTX test lets about 1e-2 of the empty candidates through (binomial 5-sigma band).
            double expected = candidates * 1e-2;
            Assert.InRange(decodes / sizes.Length, 0, expected + (5 * Math.Sqrt(expected)));
        }
    }

    [Fact]
    public void Search_TransmittedDciWithCorruptRes_FindsItOrNothing()
    {
        (Coreset coreset, SearchSpaceConfiguration space, int payloadSize) = Setup();
        var receiver = new PdcchReceiver();
        var transmitter = new PdcchTransmitter();
        var clean = new ResourceGrid(1, 14, 12 * 52);
        var grid = new ResourceGrid(1, 14, 12 * 52);
        var results = new[] { new PdcchDetection(), new PdcchDetection() };
        var random = new Random(31);
        int foundCount = 0;
        var payload = new byte[payloadSize];
        for (int trial = 0; trial < 1000; trial++)
        {
            for (int i = 0; i < payload.Length; i++)
            {
                payload[i] = (byte)random.Next(2);
            }

            int level = 4;
            int firstCce = PdcchCandidates.FirstCce(0, 0, space.CandidateCount(level), level, coreset.CceCount);
            clean.Clear();
            transmitter.Map(clean, 0, coreset, new PdcchAllocation(0, 0, firstCce, level, 0xFFFF, 0, 500), payload);
            clean.Port(0).CopyTo(grid.Port(0));
            Span<ComplexF32> symbol = grid.Symbol(0, 0);
            HostileInput.Corrupt(symbol, (int)Math.Pow(symbol.Length, random.NextDouble()), random);
            int found = receiver.Search(grid, 0, new PdcchSearchRequest(0, coreset, Type0PdcchCss.SearchSpace(0), 0, 0, 500), [payloadSize], s_rntis, 1, results);
            if (found > 0)
            {
                foundCount++;
                Assert.Equal(0xFFFF, results[0].Rnti);
                Assert.Equal(payload, results[0].Payload.AsSpan(0, payloadSize).ToArray());
            }
        }

        Assert.True(foundCount > 300, $"only {foundCount} of 1000 partly corrupt DCIs found");
    }

    [Theory]
    [InlineData(HostileInputKind.AllZero)]
    [InlineData(HostileInputKind.Denormal)]
    [InlineData(HostileInputKind.NoiseOnly)]
    public void DciDecode_HostileLlrs_MatchesNoRnti(HostileInputKind kind)
    {
        var codec = new DciCodec();
        var random = new Random(40 + (int)kind);
        var payload = new byte[140];
        var llrs = new float[108 * 16];
        int matched = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            int size = random.Next(12, 100);
            int e = 108 << random.Next(5);
            if (e <= size + 24)
            {
                e = 216;
            }

            Span<float> input = llrs.AsSpan(0, e);
            HostileInput.Fill(input, kind, HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)], random);
            (int rnti, _) = codec.Decode(input, size, s_rntis, s_rntis.Length, payload.AsSpan(0, size));
            matched += rnti >= 0 ? 1 : 0;
        }

        Assert.True(matched == 0, $"{matched} of {Trials} {kind} LLR vectors matched an RNTI");
    }

    private static (Coreset Coreset, SearchSpaceConfiguration Space, int PayloadSize) Setup()
    {
        Coreset0Row row = Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.Default, 6)!.Value;
        var coreset = new Coreset(Type0PdcchCss.Coreset0(row, 2 + row.OffsetRbs, 0, 500));
        var space = new SearchSpaceConfiguration(1, false, 1, 0, 1, 0, [6, 4, 4, 2, 0]);
        return (coreset, space, new DciSizes0_0And1_0(row.RbCount, 52, true).Size);
    }
}
