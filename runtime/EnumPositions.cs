using System;
using System.Runtime.CompilerServices;

namespace Bitrix24.Generated;

/// <summary>
/// Generated enums (wire values, documented errors) number their members from 0 in the order the spec lists them,
/// so a member and its position in that list convert into each other without a table.
/// </summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
internal static class EnumPositions<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Fails for an enum that cannot be numbered so, naming the argument that brought it.</summary>
    public static void Require(string parameterName)
    {
        if (Unsafe.SizeOf<TEnum>() != sizeof(int))
        {
            throw new ArgumentException(typeof(TEnum).Name + " must have int members numbered from 0.", parameterName);
        }
    }

    public static TEnum Member(int position) => Unsafe.As<int, TEnum>(ref position);

    public static int Position(TEnum member) => Unsafe.As<TEnum, int>(ref member);
}
