using System;
using System.Globalization;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Conformance.Checks.Pucch;

/// <summary>
/// Receives a transmitted reference slot back: the grid is copied to one and to two receive antennas, clean and with seeded
/// white noise at the check's SNR per RE (independent per antenna), and the receiver must report the transmitted UCI as
/// valid (formats 0/1: the HARQ-ACK and SR; formats 2–4: every CSI bit, CRC passed where present), or DTX when nothing
/// was sent.
/// </summary>
internal sealed class PucchReceiveCheck
{
    private readonly PucchVector _vector;
    private readonly double _snrDb;
    private readonly Random _noise;
    private readonly PucchReceiver _receiver = new();
    private readonly PucchUciMessage _message = new();

    public PucchReceiveCheck(PucchVector vector, double snrDb, int seed)
    {
        _vector = vector;
        _snrDb = snrDb;
        _noise = new Random(seed);
    }

    /// <summary>Null when every reception gave the transmitted UCI, else the first failure.</summary>
    public string? Receive(ResourceGrid transmitted, int slot, PucchSlotUci uci)
    {
        PucchUciSizes sizes = _vector.Sizes;
        bool sent = uci.HarqAck.Length > 0 || (uci.Sr.Length > 0 && uci.Sr[0] != 0) || uci.CsiPart1.Length > 0;
        for (int rx = 1; rx <= 2; rx++)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                var grid = new ResourceGrid(rx, NrConstants.SymbolsPerSlotNormalCp, transmitted.SubcarrierCount);
                for (int r = 0; r < rx; r++)
                {
                    transmitted.Port(0).CopyTo(grid.Port(r));
                    if (pass == 1)
                    {
                        StandardNormal.AddComplexNoise(grid.Port(r), Math.Pow(10, -_snrDb / 10), _noise);
                    }
                }

                PucchReceiveResult result = _receiver.Receive(grid, _vector.Configuration, sizes, slot, _message);
                string condition = string.Create(CultureInfo.InvariantCulture, $"slot {slot}, {rx} Rx, {(pass == 0 ? "clean" : $"{_snrDb} dB")}");
                if (!sent)
                {
                    if (result.Status != PucchDetectionStatus.Dtx && pass == 0)
                    {
                        return $"{condition}: nothing was sent but the receiver reports {result.Status}";
                    }

                    continue;
                }

                if (!result.IsValid)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{condition}: {result.Status} (metric {result.Measurements.DetectionMetric:G4}, threshold {result.Measurements.DetectionThreshold:G4}, SINR {result.Measurements.SinrDb:F1} dB)");
                }

                string? diff = Runner.Compare.FirstDifference<byte>(_message.HarqAck.ToArray(), uci.HarqAck, $"{condition} HARQ-ACK")
                    ?? Runner.Compare.FirstDifference<byte>(_message.Sr.ToArray(), uci.Sr, $"{condition} SR")
                    ?? Runner.Compare.FirstDifference<byte>(_message.CsiPart1.ToArray(), uci.CsiPart1, $"{condition} UCI")
                    ?? Runner.Compare.FirstDifference<byte>(_message.CsiPart2.ToArray(), uci.CsiPart2, $"{condition} CSI part 2");
                if (diff is not null)
                {
                    return diff;
                }
            }
        }

        return null;
    }
}
