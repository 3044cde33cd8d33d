'use client'
/**
 * The consent banner: refusing is exactly as easy as accepting (same buttons,
 * same place, one click each); choosing per purpose is one more click. It
 * reappears from the footer's "Privacy choices" to change one's mind.
 */
import React, { useState } from 'react'

export type BannerPurpose = { slug: string; name: string; description: string; required: boolean }

type Props = {
  purposes: BannerPurpose[]
  /** The purposes granted so far, or null before any choice. */
  granted: string[] | null
  labels: { title: string; text: string; acceptAll: string; refuseAll: string; choose: string; save: string; reopen: string; required: string }
}

export function ConsentBanner({ purposes, granted, labels }: Props) {
  const [open, setOpen] = useState(granted === null)
  const [choosing, setChoosing] = useState(false)
  const [picked, setPicked] = useState<string[]>(granted ?? [])
  const [error, setError] = useState<string>()
  const optional = purposes.filter((purpose) => !purpose.required)

  async function save(purposesGranted: string[]) {
    setError(undefined)
    const response = await fetch('/api/consent', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ purposes: purposesGranted }),
    })
    if (!response.ok) {
      setError('Your choice could not be saved. Please try again.')
      return
    }
    // The page is decided on the server: load it again with the new choice.
    window.location.reload()
  }

  if (!open) {
    return (
      <button type="button" className="consent-reopen" onClick={() => setOpen(true)}>
        {labels.reopen}
      </button>
    )
  }

  return (
    <section className="consent-banner" role="region" aria-labelledby="consent-title">
      <h2 id="consent-title">{labels.title}</h2>
      <p>{labels.text}</p>
      {choosing ? (
        <fieldset className="consent-purposes">
          <legend className="tessera-visually-hidden">{labels.choose}</legend>
          {purposes.map((purpose) => (
            <label key={purpose.slug} className="consent-purpose">
              <input
                type="checkbox"
                name={purpose.slug}
                checked={purpose.required || picked.includes(purpose.slug)}
                disabled={purpose.required}
                onChange={(event) =>
                  setPicked((current) => (event.target.checked ? [...current, purpose.slug] : current.filter((slug) => slug !== purpose.slug)))
                }
              />
              <span>
                <strong>{purpose.name}</strong>
                {purpose.required ? ` (${labels.required})` : ''}: {purpose.description}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="consent-actions">
        <button type="button" onClick={() => void save(optional.map((purpose) => purpose.slug))}>
          {labels.acceptAll}
        </button>
        <button type="button" onClick={() => void save([])}>
          {labels.refuseAll}
        </button>
        {choosing ? (
          <button type="button" onClick={() => void save(picked.filter((slug) => optional.some((purpose) => purpose.slug === slug)))}>
            {labels.save}
          </button>
        ) : (
          <button type="button" onClick={() => setChoosing(true)}>
            {labels.choose}
          </button>
        )}
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  )
}
