import './style.css'
import { setupApp } from './app.ts'
import { find } from './ui/dom.ts'

void setupApp(find(document, '#app'))
