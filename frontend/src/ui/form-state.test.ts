// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../api/http.ts'
import { FormState } from './form-state.svelte.ts'

const refusal = (...violations: [field: string, message: string][]) =>
  new ApiError({
    status: 400,
    title: 'Bad Request',
    detail: 'Invalid.',
    violations: violations.map(([field, message]) => ({ field, message })),
  })

afterEach(() => document.body.replaceChildren())

describe('where FormState shows the server\'s refusal', () => {
  it('puts violations under their field, several on one field one per line, and those of other fields in the alert', () => {
    const form = new FormState({ name: 'merge-name', preset: 'model-preset' })
    form.show(refusal(
      ['merge.body.name', 'too long'],
      ['merge.body.faceSets', 'two or more'],
      ['merge.body.name', 'not blank'],
      ['merge.body.owner', 'not yours'],
    ))
    expect(form.errors).toEqual({ name: 'too long\nnot blank' })
    expect(form.alert).toBe('two or more\nnot yours')
  })

  it('puts any other failure in the alert alone', () => {
    const form = new FormState({ name: 'merge-name' })
    form.show(new ApiError({ status: 409, title: 'Conflict', detail: 'Not ready' }))
    expect(form.errors).toEqual({})
    expect(form.alert).toBe('Not ready')
    form.show(new ApiError({ status: 409, title: 'Conflict', detail: '' }))
    expect(form.alert).toBe('Conflict')
    form.show(new Error('boom'))
    expect(form.alert).toBe('Something went wrong. Try again.')
  })

  it('replaces what the last refusal showed', () => {
    const form = new FormState({ name: 'merge-name', preset: 'model-preset' })
    form.show(refusal(['create.body.name', 'too long'], ['create.body.other', 'odd']))
    form.show(refusal(['create.body.preset', 'unknown']))
    expect(form.errors).toEqual({ preset: 'unknown' })
    expect(form.alert).toBe('')
    form.show(new Error('boom'))
    expect(form.errors).toEqual({})
  })
})

describe('a field\'s error', () => {
  it('marks its input invalid and describes it by its hint, then the error named after the input', () => {
    const form = new FormState({ maxIterations: 'resume-max-iterations', name: 'model-name' })
    expect(form.invalid('maxIterations')).toBeUndefined()
    expect(form.describedBy('maxIterations', 'resume-max-iterations-hint')).toBe('resume-max-iterations-hint')
    expect(form.describedBy('name')).toBeUndefined()

    form.fail({ maxIterations: 'Enter a whole number.', name: 'Too long.' })
    expect(form.errors.maxIterations).toBe('Enter a whole number.')
    expect(form.invalid('maxIterations')).toBe('true')
    expect(form.describedBy('maxIterations', 'resume-max-iterations-hint'))
      .toBe('resume-max-iterations-hint resume-max-iterations-error')
    expect(form.describedBy('name')).toBe('model-name-error')
  })

  it('goes when its field is edited, leaving the others and the alert; clear empties it all', () => {
    const form = new FormState({ email: 'signup-email', password: 'signup-password' })
    form.show(refusal(['register.body.email', 'taken'], ['register.body.password', 'short'], ['register.body.x', 'odd']))
    form.clearField('email')
    expect(form.errors).toEqual({ password: 'short' })
    expect(form.invalid('email')).toBeUndefined()
    expect(form.describedBy('email')).toBeUndefined()
    expect(form.alert).toBe('odd')

    form.clear()
    expect(form.errors).toEqual({})
    expect(form.alert).toBe('')
  })
})

describe('focus after an error', () => {
  function page(...ids: string[]): void {
    for (const id of ids) {
      const input = document.createElement('input')
      input.id = id
      document.body.append(input)
    }
  }

  it('goes to the first wrong field in the order of the page, skipping one that is not shown', () => {
    page('first', 'second', 'third')
    const form = new FormState({ first: 'first', hidden: 'hidden', second: 'second', third: 'third' })
    form.fail({ third: 'Wrong.', hidden: 'Wrong too.', second: 'Also wrong.' })
    expect(document.activeElement?.id).toBe('second')
  })

  it('goes to the field of a violation', () => {
    page('first', 'second')
    const form = new FormState({ first: 'first', second: 'second' })
    form.show(refusal(['x.body.second', 'Wrong.'], ['x.body.other', 'Odd.']))
    expect(document.activeElement?.id).toBe('second')
  })

  it('stays where it is when the refusal is about no field', () => {
    page('first', 'submit')
    document.getElementById('submit')!.focus()
    const form = new FormState({ first: 'first' })
    form.show(refusal(['x.body.other', 'Odd.']))
    form.show(new ApiError({ status: 409, title: 'Conflict', detail: 'Busy.' }))
    expect(document.activeElement?.id).toBe('submit')
  })
})
