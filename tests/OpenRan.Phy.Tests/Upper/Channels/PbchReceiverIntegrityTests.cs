using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Channels;

/// <summary>
/// Issue 13 for the PBCH: 10 000 seeded blocks per input kind (all-zero, subnormal, noise only at levels from 1e-30 to
/// 1e4, each kind also with NaN/±∞/±3e38 in 1..all REs) with random N_ID^cell and L_max never decode and never throw;
/// DTX is reported for silence. A transmitted block with corrupt REs decodes to its own MIB or fails, never to another.
/// </summary>
public class PbchReceiverIntegrityTests
{
    private const int Trials = 10_000;

    [Theory]
    [InlineData(HostileInputKind.AllZero, false)]
    [InlineData(HostileInputKind.Denormal, false)]
    [InlineData(HostileInputKind.NoiseOnly, false)]
    [InlineData(HostileInputKind.AllZero, true)]
    [InlineData(HostileInputKind.Denormal, true)]
    [InlineData(HostileInputKind.NoiseOnly, true)]
    public void Receive_HostileGrid_NeverDecodes(HostileInputKind kind, bool corrupt)
    {
        var receiver = new PbchReceiver();
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        var random = new Random(((int)kind * 2) + (corrupt ? 1 : 0));
        int[] lMaxes = [4, 8, 64];
        int decoded = 0, detected = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            double level = HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)];
            HostileInput.Fill(grid.Port(0), kind, level, random);
            if (corrupt)
            {
                HostileInput.Corrupt(grid.Port(0), 1 + random.Next(grid.Port(0).Length), random);
            }

            PbchReceiveResult result = receiver.Receive(grid, 0, 0, 0, random.Next(1008), lMaxes[random.Next(3)]);
            decoded += result.CrcPassed || result.Mib is not null ? 1 : 0;
            detected += result.SignalDetected ? 1 : 0;
            Assert.True(float.IsFinite(result.DmrsMetric) && float.IsFinite(result.NoiseVariance), result.ToString());
            if (kind != HostileInputKind.NoiseOnly)
            {
                Assert.False(result.SignalDetected, $"trial {trial}: {kind} reported as a signal: {result}");
            }
        }

        Assert.True(decoded == 0, $"{decoded} of {Trials} {kind} grids decoded (corrupt: {corrupt}; {detected} passed the DTX test)");
        if (kind == HostileInputKind.NoiseOnly)
        {
            // The DTX test lets about 1e-3 of noise-only blocks through (binomial 5-sigma band).
            Assert.InRange(detected, 0, (Trials * 1e-3) + (5 * Math.Sqrt(Trials * 1e-3)));
        }
    }

    [Fact]
    public void Receive_TransmittedBlockWithCorruptRes_DecodesItsOwnMibOrFails()
    {
        var receiver = new PbchReceiver();
        var clean = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        var transmitter = new SsbTransmitter();
        var random = new Random(13);
        int decoded = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            var mib = new Mib(random.Next(1024), random.Next(2) == 0, random.Next(16), 2 + random.Next(2), random.Next(256), random.Next(2) == 0, random.Next(2) == 0);
            int nIdCell = random.Next(1008);
            clean.Clear();
            transmitter.Map(clean, 0, 0, 0, mib, nIdCell, 8, random.Next(8), random.Next(2), SsbAmplitudes.Unit);
            clean.Port(0).CopyTo(grid.Port(0));

            // 1 to all REs corrupt, more often few than many.
            int count = (int)Math.Pow(grid.Port(0).Length, random.NextDouble());
            HostileInput.Corrupt(grid.Port(0), count, random);
            PbchReceiveResult result = receiver.Receive(grid, 0, 0, 0, nIdCell, 8);
            if (result.CrcPassed)
            {
                decoded++;
                Assert.Equal(mib, result.Mib);
            }
        }

        Assert.True(decoded > 500, $"only {decoded} of 2000 partly corrupt blocks decoded");
    }

    [Fact]
    public void Receive_CorruptResOnTheBlock_AreCountedAsErasures()
    {
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        var mib = new Mib(100, false, 5, 2, 0, false, true);
        new SsbTransmitter().Map(grid, 0, 0, 0, mib, 7, 8, 1, 0, SsbAmplitudes.Unit);
        ReadOnlySpan<short> pbch = SsbResourceMap.PbchPositions(7);
        for (int i = 0; i < 10; i++)
        {
            int position = pbch[i * 40];
            grid[0, position / SsbResourceMap.SubcarrierCount, position % SsbResourceMap.SubcarrierCount] = new ComplexF32(float.NaN, 1f);
        }

        PbchReceiveResult result = new PbchReceiver().Receive(grid, 0, 0, 0, 7, 8);
        Assert.Equal(10, result.ErasedResourceElements);
        Assert.True(result.CrcPassed && result.SignalDetected);
        Assert.Equal(mib, result.Mib);
    }

    [Theory]
    [InlineData(HostileInputKind.AllZero)]
    [InlineData(HostileInputKind.Denormal)]
    [InlineData(HostileInputKind.NoiseOnly)]
    public void BchDecode_HostileLlrs_NeverPassesCrc(HostileInputKind kind)
    {
        var codec = new BchCodec();
        var llrs = new float[BchCodec.E];
        var random = new Random(20 + (int)kind);
        int passed = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            HostileInput.Fill(llrs, kind, HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)], random);
            BchDecodeResult result = codec.Decode(llrs, 8, random.Next(1008));
            passed += result.CrcPassed ? 1 : 0;
        }

        Assert.True(passed == 0, $"{passed} of {Trials} {kind} LLR vectors passed the BCH CRC");
    }
}
