using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generated.Specs.Model;

namespace Bitrix24.Emulator.Rest3;

/// <summary>
/// Which methods the portal serves at <c>/rest/api/</c> (REST 3.0) rather than at the classic address. Decided here
/// only: until the spec format says a method's API version itself, a method is REST 3.0 when its spec's <c>docs</c>
/// page is one the documentation marks "This method belongs to REST 3.0". When the specs carry that flag, this
/// becomes a read of it and the list goes.
/// </summary>
internal static class Rest3Methods
{
    /// <summary>Whether <paramref name="method"/> belongs to REST 3.0.</summary>
    public static bool IsRest3(MethodModel method) => method.Docs is { } docs && Pages.Contains(PageOf(docs));

    /// <summary>
    /// Whether a REST 3.0 method changes data, so that an <c>Idempotency-Key</c> counts: reads are named by what they
    /// read (<c>get</c>, <c>list</c>, <c>field.list</c>, <c>search</c>, …).
    /// </summary>
    public static bool IsWrite(string method)
    {
        var verb = method[(method.LastIndexOf('.') + 1)..];
        return !ReadVerbs.Any(read => verb.StartsWith(read, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] ReadVerbs = ["get", "list", "search", "count", "tail", "thread", "children", "subordinates", "senders", "multidepartment"];

    // ".../note/document/note-document-add.html" → "note-document-add".
    private static string PageOf(string docs)
    {
        var name = docs[(docs.LastIndexOf('/') + 1)..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }

    // The documentation pages marked REST 3.0. The "-rest-v3" pages describe REST 3.0 twins of classic methods
    // (tasks.task.add, …); the shipped specs of those names describe the classic ones, so they stay classic here.
    private static readonly HashSet<string> Pages = new(StringComparer.Ordinal)
    {
        "call-followup-field-list",
        "humanresources-employee-count",
        "humanresources-employee-field-get",
        "humanresources-employee-field-list",
        "humanresources-employee-multidepartment",
        "humanresources-employee-search",
        "humanresources-employee-subordinates",
        "humanresources-node-add",
        "humanresources-node-children",
        "humanresources-node-communication-edit",
        "humanresources-node-communication-list",
        "humanresources-node-count",
        "humanresources-node-edit",
        "humanresources-node-field-get",
        "humanresources-node-field-list",
        "humanresources-node-get",
        "humanresources-node-list",
        "humanresources-node-member-add",
        "humanresources-node-member-field-get",
        "humanresources-node-member-field-list",
        "humanresources-node-member-move",
        "humanresources-node-member-remove",
        "humanresources-node-member-set",
        "humanresources-node-move",
        "humanresources-node-search",
        "mail-mailbox-field-get",
        "mail-mailbox-field-list",
        "mail-mailbox-get",
        "mail-mailbox-list",
        "mail-mailbox-senders",
        "mail-message-createcalendarevent",
        "mail-message-createchat",
        "mail-message-createcrmactivity",
        "mail-message-createfeedpost",
        "mail-message-createtask",
        "mail-message-field-get",
        "mail-message-field-list",
        "mail-message-forward",
        "mail-message-get",
        "mail-message-list",
        "mail-message-movetofolder",
        "mail-message-removecrmactivity",
        "mail-message-reply",
        "mail-message-send",
        "mail-message-thread",
        "mail-recipient-field-get",
        "mail-recipient-field-list",
        "mail-recipient-listcontacts",
        "mail-recipient-listemployees",
        "main-eventlog-field-get",
        "main-eventlog-field-list",
        "main-eventlog-get",
        "main-eventlog-list",
        "main-eventlog-tail",
        "note-collection-add",
        "note-collection-archive",
        "note-collection-delete",
        "note-collection-field-get",
        "note-collection-field-list",
        "note-collection-get",
        "note-collection-list",
        "note-collection-update",
        "note-document-add",
        "note-document-archive",
        "note-document-delete",
        "note-document-field-get",
        "note-document-field-list",
        "note-document-get",
        "note-document-search-field-get",
        "note-document-search-field-list",
        "note-document-search-list",
        "note-document-tree-field-get",
        "note-document-tree-field-list",
        "note-document-tree-list",
        "note-document-update",
        "note-file-add",
        "note-file-field-get",
        "note-file-field-list",
        "note-file-get",
        "tasks-task-access-field-get",
        "tasks-task-access-field-list",
        "tasks-task-access-get",
        "tasks-task-add-rest-v3",
        "tasks-task-chat-message-field-get",
        "tasks-task-chat-message-field-list",
        "tasks-task-chat-message-send",
        "tasks-task-delete-rest-v3",
        "tasks-task-field-get",
        "tasks-task-field-list",
        "tasks-task-file-attach",
        "tasks-task-file-field-get",
        "tasks-task-file-field-list",
        "tasks-task-get-rest-v3",
        "tasks-task-list-rest-v3",
        "tasks-task-result-add",
        "tasks-task-result-addfromchatmessage",
        "tasks-task-result-delete",
        "tasks-task-result-list-rest-v3",
        "tasks-task-result-update",
        "tasks-task-update-rest-v3",
        "timeman-record-field-get",
        "timeman-record-field-list",
        "timeman-record-list",
    };
}
