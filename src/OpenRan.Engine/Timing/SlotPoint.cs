using System.Globalization;

namespace OpenRan.Engine.Timing;

/// <summary>
/// A slot of the cell: its running index since the engine started (slot 0 is the radio's first sample), and the SFN and
/// slot number n_s,f^μ it has on air (SFN wraps at 1024 frames).
/// </summary>
/// <param name="Index">Running slot index from the start of the engine.</param>
/// <param name="Sfn">System frame number, 0..1023.</param>
/// <param name="Slot">Slot within the frame, 0..10·2^μ − 1.</param>
public readonly record struct SlotPoint(long Index, int Sfn, int Slot)
{
    /// <summary>The slot with running index <paramref name="index"/> when slot 0 is slot 0 of frame <paramref name="startSfn"/>.</summary>
    public static SlotPoint FromIndex(long index, int slotsPerFrame, int startSfn)
    {
        long frame = (index / slotsPerFrame) + startSfn;
        return new SlotPoint(index, (int)(frame % 1024), (int)(index % slotsPerFrame));
    }

    /// <summary>The half-frame bit of the slot (0 for the first 5 ms of the frame).</summary>
    public int HalfFrame(int slotsPerFrame) => Slot >= slotsPerFrame / 2 ? 1 : 0;

    /// <summary>Formats as <c>SFN.slot</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sfn}.{Slot}");
}
