using System.Collections.Generic;
using OpenRan.Engine.Capture;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;

namespace OpenRan.Engine.Tests;

/// <summary>Keeps a copy of every transport block the engine transmits or decodes (tests only; allocates).</summary>
internal sealed class RecordingSink : ITransportBlockSink
{
    public List<(SlotPoint Slot, RntiType Type, int Harq, int Rv, byte[] Bytes, int Rnti)> Downlink { get; } = [];

    public List<(SlotPoint Slot, byte[] Bytes, RntiType Type, int Rnti)> Uplink { get; } = [];

    public bool Enabled { get; set; } = true;

    public void OnDownlink(SlotPoint slot, PdschPdu pdu)
    {
        if (Enabled)
        {
            Downlink.Add((slot, pdu.RntiType, pdu.HarqProcess, pdu.RedundancyVersion, pdu.Bytes.ToArray(), pdu.Rnti));
        }
    }

    public void OnUplink(SlotPoint slot, PuschResult result)
    {
        if (Enabled)
        {
            Uplink.Add((slot, result.Bytes.ToArray(), result.RntiType, result.Rnti));
        }
    }
}
