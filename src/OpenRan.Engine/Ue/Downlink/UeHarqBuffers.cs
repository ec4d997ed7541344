using System.Collections.Generic;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// The downlink HARQ entity of every UE the receiver follows (TS 38.321 §5.3.2): 16 HARQ processes per RNTI, each with
/// a <see cref="SharedChannelSoftBuffer"/> of the library's shared-channel receiver. A DCI whose NDI differs from the
/// process's last (or the first DCI of a process, or a transport block of another size) starts a new transport block
/// (§5.3.2.2: the NDI toggled); otherwise the transmission, with the DCI's redundancy version, is combined with the soft
/// bits of the earlier ones. Buffers are allocated when a process is first used (and grown when a larger transport
/// block comes), then reused.
/// </summary>
internal sealed class UeHarqBuffers
{
    /// <summary>HARQ processes per RNTI (the 4-bit HARQ process number of DCI 1_0 and 1_1).</summary>
    public const int ProcessesPerRnti = 16;

    private readonly Dictionary<int, Process[]> _processes = [];

    /// <summary>
    /// The soft buffer for a transmission of HARQ process <paramref name="harqProcess"/> of <paramref name="rnti"/> with
    /// new data indicator <paramref name="ndi"/> and <paramref name="parameters"/>; <paramref name="newData"/> says whether
    /// it starts a new transport block, <paramref name="earlier"/> how many earlier transmissions it is combined with.
    /// </summary>
    public SharedChannelSoftBuffer Prepare(int rnti, int harqProcess, int ndi, SharedChannelCodingParameters parameters, out bool newData, out int earlier)
    {
        if (!_processes.TryGetValue(rnti, out Process[]? processes))
        {
            processes = new Process[ProcessesPerRnti];
            _processes[rnti] = processes;
        }

        Process p = processes[harqProcess & (ProcessesPerRnti - 1)] ??= new Process();
        int codeBlocks = parameters.Segmentation.CodeBlockCount;
        int ncb = parameters.CircularBufferLength;
        newData = p.Ndi != ndi || p.TransportBlockSize != parameters.TransportBlockSize || p.Buffer is null || !p.Buffer.HoldsData;
        if (p.Buffer is null || p.Buffer.MaxCodeBlockCount < codeBlocks || p.Buffer.CodeBlockCapacity < ncb)
        {
            p.Buffer = new SharedChannelSoftBuffer(codeBlocks, ncb);
            newData = true;
        }

        if (newData)
        {
            p.Transmissions = 0;
        }

        earlier = p.Transmissions;
        p.Transmissions++;
        p.Ndi = ndi;
        p.TransportBlockSize = parameters.TransportBlockSize;
        return p.Buffer;
    }

    private sealed class Process
    {
        public SharedChannelSoftBuffer? Buffer;
        public int Ndi = -1;
        public int TransportBlockSize;
        public int Transmissions;
    }
}
