"""/resources: browse the catalogue, ask the practitioner, withdraw; admins import and export."""

from __future__ import annotations

import io
from typing import Any

from telegram import InputFile, Update

from bot.context import BotContext
from bot.i18n import Translator
from bot.services.catalogue import ImportReport, ResourceView
from bot.services.people import Actor
from bot.text import esc, shorten
from handlers.callbacks import (
    REQUEST_WITHDRAW,
    RESOURCE,
    RESOURCE_ASK,
    RESOURCE_CATEGORY,
    RESOURCE_MENU,
    RESOURCE_SEND,
)
from handlers.common import (
    actor_of,
    answer,
    audit,
    buttons,
    deliver,
    reply,
    show,
    stranger_text,
)
from handlers.practice import expectation_text
from handlers.views.crisis import gap_text

__all__ = [
    "ask_other_request",
    "ask_request_note",
    "document_upload",
    "resource_button",
    "resources_command",
    "typed_other_request",
    "typed_request_note",
]

PAGE_SIZE = 6
MAX_UPLOAD = 1_048_576


def _menu_rows(
    t: Translator, actor: Actor, categories: list[tuple[str, str]]
) -> list[list[tuple[str, str]]]:
    rows = [[(name, RESOURCE_CATEGORY.build(category=cid, page=0))] for cid, name in categories]
    if actor.is_client:
        rows.append([(t._("🙋 Something else"), RESOURCE_MENU.build(action="other"))])
        rows.append([(t._("📋 My open requests"), RESOURCE_MENU.build(action="mine"))])
    if actor.is_admin:
        rows.append([(t._("📤 Export the catalogue (YAML)"), RESOURCE_MENU.build(action="export"))])
    return rows


async def resources_command(update: Update, context: BotContext) -> None:
    """Show the categories (and, for admins, export and import)."""
    actor = await actor_of(update, context)
    await _show_menu(update, context, actor, new=True)


async def _show_menu(update: Update, context: BotContext, actor: Actor, new: bool) -> None:
    t = context.t(actor)
    if not actor.roles:
        await reply(update, context, stranger_text(t))
        return
    categories = await context.services.catalogue.categories(actor.locale)
    visible = [(c.id, f"{c.name} ({c.resource_count})") for c in categories if c.resource_count]
    text = (
        t._("<b>Resources</b>\nChoose a topic.")
        if visible
        else t._("The resource list is empty for now.")
    )
    if actor.is_admin:
        text += "\n\n" + t._(
            "To update the catalogue, send me the YAML file as a document "
            "(format: docs/resources.md)."
        )
    markup = buttons(_menu_rows(t, actor, visible))
    if new:
        await reply(update, context, text, markup)
    else:
        await show(update, context, text, markup)


def _card(t: Translator, resource: ResourceView) -> str:
    lines = [f"<b>{esc(resource.title)}</b>"]
    if resource.description:
        lines.append(esc(resource.description))
    if resource.phone:
        lines.append(f"📞 {esc(resource.phone)}")
    if resource.url:
        lines.append(f"🌐 {esc(resource.url)}")
    if resource.address:
        lines.append(f"📍 {esc(resource.address)}")
    if resource.hours:
        lines.append(f"🕒 {esc(resource.hours)}")
    if resource.tags:
        lines.append("🏷 " + ", ".join(esc(tag) for tag in resource.tags))
    if resource.hidden:
        lines.append(t._("<i>This resource is no longer in the list.</i>"))
    return "\n".join(lines)


def _pressed(data: str | None) -> tuple[str, dict[str, Any]]:
    """Which /resources button was pressed, and its fields."""
    if (menu := RESOURCE_MENU.parse(data)) is not None:
        return menu["action"], menu
    for action, callback in (
        ("category", RESOURCE_CATEGORY),
        ("resource", RESOURCE),
        ("ask", RESOURCE_ASK),
        ("send", RESOURCE_SEND),
        ("withdraw", REQUEST_WITHDRAW),
    ):
        if (fields := callback.parse(data)) is not None:
            return action, fields
    raise ValueError("not a /resources button")


async def resource_button(update: Update, context: BotContext) -> None:
    """Handle category pages, resource cards, asking, withdrawing and export."""
    query = update.callback_query
    assert query is not None
    action, pressed = _pressed(query.data)
    actor = await actor_of(update, context)
    t = context.t(actor)
    await answer(update)
    if not actor.roles:
        return
    services = context.services
    if action == "menu":
        await _show_menu(update, context, actor, new=False)
    elif action == "category":
        category_id, page = pressed["category"], pressed["page"]
        items, total = await services.catalogue.resources(
            category_id, actor.locale, page, PAGE_SIZE
        )
        rows = [[(shorten(r.title, 40), RESOURCE.build(resource=r.id))] for r in items]
        nav = []
        if page > 0:
            nav.append(
                (t._("◀️ Back"), RESOURCE_CATEGORY.build(category=category_id, page=page - 1))
            )
        if (page + 1) * PAGE_SIZE < total:
            nav.append(
                (t._("More ▶️"), RESOURCE_CATEGORY.build(category=category_id, page=page + 1))
            )
        if nav:
            rows.append(nav)
        rows.append([(t._("⬅️ Topics"), RESOURCE_MENU.build(action="menu"))])
        pages = max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)
        await show(update, context, t._("Page {page} of {pages}", page=page + 1, pages=pages),
                   buttons(rows))  # fmt: skip
    elif action == "resource":
        resource = await services.catalogue.resource(pressed["resource"], actor.locale)
        if resource is None:
            await show(update, context, t._("I couldn't find that resource."))
            return
        rows = []
        if actor.is_client and resource.requestable and not resource.hidden:
            rows.append([(t._("🙋 Ask my practitioner about this"),
                          RESOURCE_ASK.build(resource=resource.id))])  # fmt: skip
        rows.append([(t._("⬅️ Back"),
                      RESOURCE_CATEGORY.build(category=resource.category_id, page=0))])  # fmt: skip
        await show(update, context, _card(t, resource), buttons(rows))
    elif action in ("ask", "send", "other", "mine", "withdraw") and actor.is_client:
        await _client_action(update, context, actor, t, action, pressed)
    elif action == "export" and actor.is_admin:
        content = await services.catalogue.export_yaml()
        chat = update.effective_chat
        assert chat is not None
        await context.bot.send_document(
            chat.id, InputFile(io.BytesIO(content), filename="resources.yaml"),
            caption=t._("The current catalogue. Edit it and send it back to update."))  # fmt: skip


async def _client_action(
    update: Update,
    context: BotContext,
    actor: Actor,
    t: Translator,
    action: str,
    pressed: dict[str, Any],
) -> None:
    services = context.services
    assert actor.person_id is not None
    if action == "ask":
        resource = await services.catalogue.resource(pressed["resource"], actor.locale)
        if resource is None or resource.hidden or not resource.requestable:
            await show(
                update,
                context,
                t._(
                    "This resource can't be requested any more. You can "
                    "still ask about it with “Something else” in /resources."
                ),
            )
            return
        await ask_request_note(update, context, actor, resource)
    elif action == "send":
        await _create(update, context, actor, pressed["resource"], None)
    elif action == "other":
        await ask_other_request(update, context, actor)
    elif action == "mine":
        mine = await services.requests.for_client(actor.person_id)
        if not mine:
            topics = RESOURCE_MENU.build(action="menu")
            await show(update, context, t._("You have no open requests."),
                       buttons([[(t._("⬅️ Topics"), topics)]]))  # fmt: skip
            return
        lines = [t._("<b>Your open requests</b>")]
        rows = []
        for n, request in enumerate(mine, 1):
            title = esc(request.resource_title) if request.resource_title else t._("something else")
            lines.append(f"{n}. {title} — {t.day(request.created_at, actor.timezone)}")
            rows.append([(t._("Withdraw {n}", n=n), REQUEST_WITHDRAW.build(request=request.id))])
        rows.append([(t._("⬅️ Topics"), RESOURCE_MENU.build(action="menu"))])
        await show(update, context, "\n".join(lines), buttons(rows))
    elif action == "withdraw":
        if await services.requests.withdraw(actor.person_id, pressed["request"]):
            await show(update, context, t._("Withdrawn. Your practitioner won't follow up on it."))
        else:
            await show(update, context, t._("That request is already closed."))


async def ask_request_note(
    update: Update, context: BotContext, actor: Actor, resource: ResourceView
) -> None:
    """Offer to add a note to a request for ``resource``."""
    assert actor.person_id is not None
    t = context.t(actor)
    await context.services.people.expect_input(
        actor.person_id, "request_note", resource_id=resource.id
    )
    await show(update, context, t._("Would you like to add a note for your practitioner about "
                                    "<b>{title}</b>? Type it, or send the request without one.",
                                    title=esc(resource.title)),
               buttons([[(t._("Send without a note"), RESOURCE_SEND.build(resource=resource.id))],
                        [(t._("Cancel"), RESOURCE_MENU.build(action="menu"))]]))  # fmt: skip


async def ask_other_request(update: Update, context: BotContext, actor: Actor) -> None:
    """Ask what the client would like help with."""
    assert actor.person_id is not None
    t = context.t(actor)
    await context.services.people.expect_input(actor.person_id, "request_other")
    await show(update, context, t._("What would you like help with? Describe it in your own "
                                    "words and I'll pass it to your practitioner."),
               buttons([[(t._("Cancel"), RESOURCE_MENU.build(action="menu"))]]))  # fmt: skip


async def _create(
    update: Update, context: BotContext, actor: Actor, resource_id: str | None, note: str | None
) -> None:
    services = context.services
    t = context.t(actor)
    assert actor.person_id is not None
    title = None
    if resource_id is not None:
        resource = await services.catalogue.resource(resource_id, actor.locale)
        if resource is None or resource.hidden or not resource.requestable:
            await services.people.clear_input(actor.person_id)
            await reply(
                update,
                context,
                t._(
                    "This resource can't be requested any more. You can "
                    "still ask about it with “Something else” in /resources."
                ),
            )
            return
        title = resource.title
    await services.requests.create(actor.person_id, resource_id, title, note)
    await services.people.clear_input(actor.person_id)
    text = t._("✅ Sent. You can see or withdraw it under “My open requests”.")
    expectation = await services.practice.expectation(actor.person_id)
    if expectation is not None:
        text += "\n\n" + expectation_text(t, expectation, actor.timezone)
    await reply(update, context, text)
    await deliver(context)


async def typed_request_note(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Send the request for a resource with the client's note."""
    assert actor.pending_input is not None
    await _create(update, context, actor, str(actor.pending_input["resource_id"]), text)


async def typed_other_request(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Send a request for something not in the catalogue."""
    await _create(update, context, actor, None, text)


def _report_text(t: Translator, report: ImportReport) -> str:
    if not report.ok:
        head = t.n_("The file was not imported: {count} problem. Nothing was changed.",
                    "The file was not imported: {count} problems. Nothing was changed.",
                    len(report.problems))  # fmt: skip
        return head + "\n" + "\n".join(f"• <code>{esc(p)}</code>" for p in report.problems[:50])
    if not report.changed:
        return "\n".join(
            [t._("Imported: nothing changed."), gap_text(t, report.safety_gaps)]
        ).strip()
    return "\n".join([
        t._("✅ Catalogue imported."),
        t._("Categories: {added} added, {changed} changed, {removed} removed.",
            added=len(report.categories_added), changed=len(report.categories_changed),
            removed=len(report.categories_removed)),
        t._("Resources: {added} added, {changed} changed, {removed} removed.",
            added=len(report.resources_added), changed=len(report.resources_changed),
            removed=len(report.resources_removed)),
        t._("Safety information updated.") if report.safety_changed else "",
        gap_text(t, report.safety_gaps),
    ]).strip()  # fmt: skip


async def document_upload(update: Update, context: BotContext) -> None:
    """Import a catalogue an admin sent as a document."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    message = update.effective_message
    if message is None or message.document is None:
        return
    if not actor.is_admin:
        await reply(
            update, context, t._("I can't open files here. Send /help to see what I can do.")
        )
        return
    document = message.document
    if document.file_size is not None and document.file_size > MAX_UPLOAD:
        await reply(update, context, t._("That file is over 1 MB, so it was not imported. Nothing "
                                         "was changed."))  # fmt: skip
        return
    file = await document.get_file()
    content = bytes(await file.download_as_bytearray())
    report = await context.services.catalogue.import_bytes(content)
    if report.ok:
        await audit(context, actor, "admin", "imported the catalogue")
    await reply(update, context, _report_text(t, report))
