using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Conformance.Checks.Pucch;

/// <summary>The UCI of one slot of a MATLAB PUCCH vector.</summary>
internal sealed record PucchSlotUci(byte[] HarqAck, byte[] Sr, byte[] CsiPart1, byte[] CsiPart2)
{
    /// <summary>The payload view.</summary>
    public PucchUciPayload Payload => new(HarqAck, Sr, CsiPart1, CsiPart2);

    public static PucchSlotUci For(PucchVector vector, int slot)
    {
        PucchUciSizes sizes = vector.Sizes;
        return vector.Configuration.Format == PucchFormat.Format0
            ? new PucchSlotUci(vector.HarqAck(), [vector.Sr], [], [])
            : new PucchSlotUci([], [], vector.Payload(slot, sizes.CsiPart1BitCount), vector.Payload(slot + 1000, sizes.CsiPart2BitCount));
    }
}
