using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Channels;

/// <summary>
/// Issue 13 for the PUCCH receiver, formats 0–4: 10 000 seeded occasions per resource and input kind (all-zero, subnormal,
/// noise only at levels 1e-30..1e4), each also with NaN/±∞/±3e38 in 1..all REs, on 2 receive antennas. Silence and
/// subnormal input are always DTX; no input throws. Noise alone is reported valid only at the rate the design allows:
/// without a CRC (formats 0, 1 and the (32, A) block code) the DTX false-alarm probability (1e-2); with polar-coded UCI
/// the DM-RS test (1e-1) times the CRC's pass rate on noise, about 0.1·L·2^−11 with CRC11 and 0.1·L·2^−6 with CRC6 (L = 8;
/// the three parity-check bits of 12..19-bit payloads prune list paths but add no measurable check on noise). A transmitted occasion with corrupt REs gives its own UCI or none.
/// </summary>
public class PucchReceiverIntegrityTests
{
    private const int Trials = 10_000;
    private const int RxAntennas = 2;
    private const int BwpPrbs = 4;
    private static readonly string[] s_resources = ["f0", "f1", "f2-rm", "f2-crc11", "f3-crc6", "f3-crc11", "f4-crc11"];

    public static TheoryData<string, HostileInputKind, bool> Cases()
    {
        var data = new TheoryData<string, HostileInputKind, bool>();
        foreach (string resource in s_resources)
        {
            foreach (HostileInputKind kind in Enum.GetValues<HostileInputKind>())
            {
                data.Add(resource, kind, false);
                data.Add(resource, kind, true);
            }
        }

        return data;
    }

    /// <summary>A resource of each format on a 4-PRB BWP, its UCI sizes and the largest rate at which noise alone may pass.</summary>
    internal static (PucchConfiguration Configuration, PucchUciSizes Sizes, double FalseValidBound) Resource(string name)
    {
        var common = new PucchConfiguration { NSizeBwp = BwpPrbs, NIdCell = 17, NRnti = 0x4601 };
        double blockCode = PucchReceiverOptions.Default.FalseAlarmProbability;
        double crcGate = PucchReceiverOptions.Default.CrcProtectedFalseAlarmProbability;
        int list = PucchReceiverOptions.Default.PolarListSize;
        return name switch
        {
            "f0" => (common with { Format = PucchFormat.Format0, StartSymbol = 12, SymbolCount = 2, StartPrb = 1 }, new PucchUciSizes(2, 1), blockCode),
            "f1" => (common with { Format = PucchFormat.Format1, StartSymbol = 0, SymbolCount = 14, StartPrb = 2, InitialCyclicShift = 3 }, new PucchUciSizes(2), blockCode),
            "f2-rm" => (common with { Format = PucchFormat.Format2, StartSymbol = 12, SymbolCount = 2, StartPrb = 0, PrbCount = 1 }, new PucchUciSizes(2, 0, 4), blockCode),
            "f2-crc11" => (common with { Format = PucchFormat.Format2, StartSymbol = 12, SymbolCount = 2, StartPrb = 0, PrbCount = 4 }, new PucchUciSizes(0, 0, 22), crcGate * list * Math.Pow(2, -11)),
            "f3-crc6" => (common with { Format = PucchFormat.Format3, StartSymbol = 0, SymbolCount = 14, StartPrb = 1, PrbCount = 1 }, new PucchUciSizes(2, 0, 12), crcGate * list * Math.Pow(2, -6)),
            "f3-crc11" => (common with { Format = PucchFormat.Format3, StartSymbol = 0, SymbolCount = 14, StartPrb = 1, PrbCount = 1 }, new PucchUciSizes(0, 0, 22), crcGate * list * Math.Pow(2, -11)),
            _ => (common with { Format = PucchFormat.Format4, StartSymbol = 0, SymbolCount = 14, StartPrb = 3, SpreadingFactor = 2 }, new PucchUciSizes(0, 0, 22), crcGate * list * Math.Pow(2, -11)),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Receive_HostileGrid_NeverReportsUciBeyondTheDesignRate(string resource, HostileInputKind kind, bool corrupt)
    {
        (PucchConfiguration configuration, PucchUciSizes sizes, double bound) = Resource(resource);
        var receiver = new PucchReceiver();
        var message = new PucchUciMessage();
        var grid = new ResourceGrid(RxAntennas, 14, BwpPrbs * 12);
        var random = new Random((Array.IndexOf(s_resources, resource) * 10) + ((int)kind * 2) + (corrupt ? 1 : 0));
        int valid = 0, invalid = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            double level = HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)];
            for (int r = 0; r < RxAntennas; r++)
            {
                HostileInput.Fill(grid.Port(r), kind, level, random);
                if (corrupt)
                {
                    HostileInput.Corrupt(grid.Port(r), 1 + random.Next(grid.Port(r).Length), random);
                }
            }

            PucchReceiveResult result = receiver.Receive(grid, configuration, sizes, random.Next(configuration.SlotsPerFrame), message);
            valid += result.Status == PucchDetectionStatus.Valid ? 1 : 0;
            invalid += result.Status == PucchDetectionStatus.Invalid ? 1 : 0;
            if (kind != HostileInputKind.NoiseOnly)
            {
                Assert.True(result.Status == PucchDetectionStatus.Dtx, $"trial {trial}: {kind} on {resource} not reported as DTX: {result}");
            }
        }

        // Binomial 5-sigma band above the design rate (0 for silence and subnormal input).
        double expected = kind == HostileInputKind.NoiseOnly ? Trials * bound : 0;
        double limit = expected + (5 * Math.Sqrt(expected));
        Assert.True(valid <= limit, $"{valid} of {Trials} {kind} occasions on {resource} reported valid UCI (corrupt: {corrupt}; design limit {limit:F1}; {invalid} invalid)");
    }

    [Theory]
    [InlineData("f0")]
    [InlineData("f1")]
    [InlineData("f2-rm")]
    [InlineData("f2-crc11")]
    [InlineData("f3-crc6")]
    [InlineData("f3-crc11")]
    [InlineData("f4-crc11")]
    public void Receive_TransmittedOccasionWithCorruptRes_GivesItsOwnUciOrNone(string resource)
    {
        (PucchConfiguration configuration, PucchUciSizes sizes, _) = Resource(resource);
        var transmitter = new PucchTransmitter();
        var receiver = new PucchReceiver();
        var message = new PucchUciMessage();
        var transmitted = new ResourceGrid(1, 14, BwpPrbs * 12);
        var grid = new ResourceGrid(RxAntennas, 14, BwpPrbs * 12);
        var random = new Random(100 + Array.IndexOf(s_resources, resource));
        var harq = new byte[sizes.HarqAckBitCount];
        var sr = new byte[sizes.SrBitCount];
        var csi = new byte[sizes.CsiPart1BitCount];
        int valid = 0;
        const int trials = 1000;
        for (int trial = 0; trial < trials; trial++)
        {
            RandomBits(harq, random);
            RandomBits(csi, random);
            sr.AsSpan().Fill(1);
            int slot = random.Next(configuration.SlotsPerFrame);
            transmitted.Clear();
            transmitter.Transmit(configuration, new PucchUciPayload(harq, sr, csi), slot, transmitted);
            for (int r = 0; r < RxAntennas; r++)
            {
                Span<ComplexF32> port = grid.Port(r);
                HostileInput.Fill(port, HostileInputKind.NoiseOnly, 0.1, random);
                ReadOnlySpan<ComplexF32> sent = transmitted.Port(0);
                for (int i = 0; i < port.Length; i++)
                {
                    port[i] += sent[i];
                }

                // 1 to all REs corrupt, more often few than many.
                HostileInput.Corrupt(port, (int)Math.Pow(port.Length, random.NextDouble()), random);
            }

            PucchReceiveResult result = receiver.Receive(grid, configuration, sizes, slot, message);
            if (result.Status == PucchDetectionStatus.Valid)
            {
                valid++;
                Assert.True(message.HarqAck.SequenceEqual(harq) && message.Sr.SequenceEqual(sr) && message.CsiPart1.SequenceEqual(csi), $"trial {trial}: {resource} reported other UCI than was sent");
            }
        }

        Assert.True(valid > trials / 4, $"only {valid} of {trials} partly corrupt occasions on {resource} decoded");
    }

    private static void RandomBits(Span<byte> bits, Random random)
    {
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = (byte)random.Next(2);
        }
    }
}
