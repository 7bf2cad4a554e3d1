namespace Bitrix24.Generated.Serialization;

/// <summary>A converter whose values can stand as object keys, e.g. set members: their wire text.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal interface IBitrix24KeyText<in T>
{
    string KeyText(T value);
}
