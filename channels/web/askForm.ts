/**
 * An ask block on the web: one server-rendered form per question, posting to
 * /api/answers. It works without JavaScript (the answer comes back as a
 * redirect to the page, which asks the next question) and never flickers
 * (nothing is swapped in the browser). Every string is escaped.
 */
import type { AskedQuestion, Locale } from '../../engine'
import { escapeHtml } from '../shared/html'

const LABELS = {
  en: { answer: 'Answer', skip: 'Not now', decline: 'Don’t ask again', yes: 'Yes', no: 'No', followUp: 'Tell us more (optional)', low: 'Not at all likely', high: 'Extremely likely', choose: 'Choose' },
  fr: { answer: 'Répondre', skip: 'Plus tard', decline: 'Ne plus me demander', yes: 'Oui', no: 'Non', followUp: 'Dites-nous en plus (facultatif)', low: 'Pas du tout probable', high: 'Très probable', choose: 'Choisissez' },
} as const

export type AskFormOptions = {
  /** Where the form posts (the site's answers endpoint). */
  action: string
  /** Where the person comes back to after answering (a path on the site). */
  returnPath: string
  page: string
  locale: Locale
  store?: string
  channel?: 'web' | 'screen'
}

function choices(name: string, id: string, type: 'radio' | 'checkbox', options: { value: string; label: string }[], required: boolean): string {
  return options
    .map((option, index) => {
      const inputId = `${id}-${index}`
      return `<span class="tessera-choice"><input type="${type}" id="${inputId}" name="${name}" value="${escapeHtml(option.value)}"${required && type === 'radio' && index === 0 ? ' required=""' : ''}><label for="${inputId}">${escapeHtml(option.label)}</label></span>`
    })
    .join('')
}

function field(question: AskedQuestion, id: string, locale: Locale): string {
  const labels = LABELS[locale]
  const text = escapeHtml(question.text)
  const input = (type: string, extra = '') => `<label for="${id}">${text}</label><input id="${id}" name="value" type="${type}" required=""${extra}>`
  switch (question.type) {
    case 'text':
      return input('text', ' maxlength="256" autocomplete="on"')
    case 'email':
      return input('email', ' autocomplete="email"')
    case 'number':
      return input('number', ' step="any" inputmode="decimal"')
    case 'date':
      return input('date')
    case 'single':
      return `<fieldset><legend>${text}</legend>${choices('value', id, 'radio', question.options, true)}</fieldset>`
    case 'multiple':
      return `<fieldset><legend>${text}</legend>${choices('value', id, 'checkbox', question.options, false)}</fieldset>`
    case 'yes_no':
      return `<fieldset><legend>${text}</legend>${choices('value', id, 'radio', [{ value: 'yes', label: labels.yes }, { value: 'no', label: labels.no }], true)}</fieldset>`
    case 'nps':
    case 'ces':
    case 'csat': {
      const [low, high] = question.scale ?? [0, 10]
      const scale = Array.from({ length: high - low + 1 }, (_, index) => String(low + index)).map((value) => ({ value, label: value }))
      const ends = question.type === 'nps' ? `<span class="tessera-scale-ends"><span>${low}: ${labels.low}</span> <span>${high}: ${labels.high}</span></span>` : ''
      const followUp = question.followUp
        ? `<label for="${id}-follow-up">${escapeHtml(question.followUp)} <span class="tessera-optional">(${labels.followUp})</span></label><textarea id="${id}-follow-up" name="followUp" maxlength="2000" rows="3"></textarea>`
        : ''
      return `<fieldset class="tessera-scale"><legend>${text}</legend>${ends}${choices('value', id, 'radio', scale, true)}</fieldset>${followUp}`
    }
  }
}

/** The forms of the questions an ask block chose (nothing when it chose none: the default content shows). */
export function askFormsHtml(questions: readonly AskedQuestion[], slot: number, options: AskFormOptions): string {
  const labels = LABELS[options.locale]
  return questions
    .map((question) => {
      const id = `tessera-ask-${slot}-${escapeHtml(question.id)}`
      const hidden = [
        ['question', question.id],
        ['page', options.page],
        ['return', options.returnPath],
        ['locale', options.locale],
        ['channel', options.channel ?? 'web'],
        ...(options.store ? [['store', options.store]] : []),
      ]
        .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value!)}">`)
        .join('')
      const buttons = `<p class="tessera-ask-actions"><button type="submit" name="action" value="answer">${labels.answer}</button> <button type="submit" name="action" value="skip" formnovalidate="">${labels.skip}</button> <button type="submit" name="action" value="decline" formnovalidate="">${labels.decline}</button></p>`
      return `<form class="tessera-ask" method="post" action="${escapeHtml(options.action)}" data-tessera-question="${escapeHtml(question.id)}">${hidden}${field(question, id, options.locale)}${buttons}</form>`
    })
    .join('')
}
